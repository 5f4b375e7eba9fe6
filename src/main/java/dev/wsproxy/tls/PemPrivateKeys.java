package dev.wsproxy.tls;

import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.List;

/**
 * Reads the private key of a PEM {@code keyFile} in any of the unencrypted forms OpenSSL writes: PKCS#8
 * ({@code PRIVATE KEY}), PKCS#1 ({@code RSA PRIVATE KEY}) and SEC1 ({@code EC PRIVATE KEY}). The JDK reads
 * only PKCS#8, so the other two are wrapped into PKCS#8 first. Encrypted keys are refused: the server has
 * no way to ask for a pass phrase.
 */
public final class PemPrivateKeys {
    // AlgorithmIdentifier OIDs, DER-encoded: rsaEncryption 1.2.840.113549.1.1.1 and id-ecPublicKey 1.2.840.10045.2.1
    private static final byte[] RSA_ENCRYPTION = {0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01};
    private static final byte[] EC_PUBLIC_KEY = {0x06, 0x07, 0x2a, (byte) 0x86, 0x48, (byte) 0xce, 0x3d, 0x02, 0x01};
    private static final int SEC1_PARAMETERS_TAG = 0xa0;
    private static final List<String> PKCS8_ALGORITHMS = List.of("RSA", "EC", "EdDSA", "XDH", "RSASSA-PSS", "DSA");

    private PemPrivateKeys() {
    }

    public static PrivateKey read(Path file) throws KeyMaterialException {
        List<PemBlock> blocks = PemBlock.readAll(file);
        for (PemBlock block : blocks) {
            if (block.isEncrypted()) {
                throw new KeyMaterialException(file, KeyMaterialException.Kind.ENCRYPTED, "the private key is encrypted; wsproxy cannot ask for a pass phrase."
                        + " Write it unencrypted, e.g. `openssl pkey -in " + file.getFileName() + " -out key.pem`");
            }
            switch (block.type()) {
                case "PRIVATE KEY":
                    return fromPkcs8(file, block.der());
                case "RSA PRIVATE KEY":
                    return fromPkcs8(file, Der.sequence(Der.smallInteger(0), Der.sequence(RSA_ENCRYPTION, Der.element(Der.NULL)),
                            Der.element(Der.OCTET_STRING, block.der())));
                case "EC PRIVATE KEY":
                    return fromPkcs8(file, Der.sequence(Der.smallInteger(0), Der.sequence(EC_PUBLIC_KEY, sec1Curve(file, block.der())),
                            Der.element(Der.OCTET_STRING, block.der())));
                default:
                    break;
            }
        }
        throw new KeyMaterialException(file, KeyMaterialException.Kind.INVALID, blocks.isEmpty()
                ? "no PEM data: expected a \"-----BEGIN PRIVATE KEY-----\" block"
                : "no private key in the file (found " + types(blocks) + "); is this the certificate instead of the key?");
    }

    /** The named-curve OID a SEC1 key carries in its [0] parameters; PKCS#8 needs it in the AlgorithmIdentifier. */
    private static byte[] sec1Curve(Path file, byte[] sec1) throws KeyMaterialException {
        try {
            for (Der.Element element : Der.sequenceElements(sec1)) {
                if (element.tag() == SEC1_PARAMETERS_TAG) {
                    return element.contents();
                }
            }
        } catch (IllegalArgumentException e) {
            throw new KeyMaterialException(file, KeyMaterialException.Kind.INVALID, "the EC private key is not valid DER (" + e.getMessage() + ")");
        }
        throw new KeyMaterialException(file, KeyMaterialException.Kind.INVALID, "the EC private key does not name its curve; write it with"
                + " `openssl pkey -in " + file.getFileName() + " -out key.pem` (PKCS#8)");
    }

    private static PrivateKey fromPkcs8(Path file, byte[] pkcs8) throws KeyMaterialException {
        PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(pkcs8);
        for (String algorithm : PKCS8_ALGORITHMS) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(spec);
            } catch (GeneralSecurityException | RuntimeException notThisAlgorithm) {
                // try the next algorithm: PKCS#8 names its algorithm only by OID
            }
        }
        throw new KeyMaterialException(file, KeyMaterialException.Kind.INVALID, "the private key is damaged or of an unsupported type");
    }

    private static String types(List<PemBlock> blocks) {
        return blocks.stream().map(b -> "\"" + b.type() + "\"").distinct().reduce((a, b) -> a + ", " + b).orElse("");
    }
}
