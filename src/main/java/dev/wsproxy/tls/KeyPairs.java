package dev.wsproxy.tls;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Map;

/** Tells whether a private key and a certificate's public key are two halves of one key pair. */
public final class KeyPairs {
    private static final Map<String, String> SIGNATURES = Map.of(
            "RSA", "SHA256withRSA", "EC", "SHA256withECDSA", "EdDSA", "EdDSA", "DSA", "SHA256withDSA");
    private static final byte[] PROBE = "wsproxy key pair probe".getBytes(StandardCharsets.US_ASCII);

    private KeyPairs() {
    }

    /**
     * Signs a probe with the private key and verifies it with the public key, which works for every key type
     * without deriving one half from the other. A key type it cannot sign with counts as matching when the
     * algorithms agree, so the handshake is the judge.
     */
    public static boolean matches(PrivateKey privateKey, PublicKey publicKey) {
        if (!privateKey.getAlgorithm().equals(publicKey.getAlgorithm())) {
            return false;
        }
        String algorithm = SIGNATURES.get(privateKey.getAlgorithm());
        if (algorithm == null) {
            return true;
        }
        try {
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(privateKey);
            signer.update(PROBE);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(publicKey);
            verifier.update(PROBE);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
