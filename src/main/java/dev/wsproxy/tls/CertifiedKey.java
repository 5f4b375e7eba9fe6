package dev.wsproxy.tls;

import dev.wsproxy.config.model.TlsSettings;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/**
 * A private key with the certificate chain it serves (leaf first), as read from a listener's or a vhost's
 * {@code keyFile}, {@code certFile} and optional {@code CACertFile}.
 */
public record CertifiedKey(PrivateKey key, List<X509Certificate> chain) {

    public CertifiedKey {
        chain = List.copyOf(chain);
    }

    public X509Certificate leaf() {
        return chain.get(0);
    }

    /** The JSSE key type this key serves ("RSA", "EC", "EdDSA", ...). */
    public String keyType() {
        return key.getAlgorithm();
    }

    /**
     * Reads and checks the files: {@code certFile} may already hold the chain (a Let's Encrypt
     * {@code fullchain.pem}); {@code CACertFile} is appended after it.
     */
    public static CertifiedKey load(TlsSettings tls) throws KeyMaterialException {
        PrivateKey key = PemPrivateKeys.read(tls.keyFile());
        List<X509Certificate> chain = new ArrayList<>(PemCertificates.read(tls.certFile()));
        if (tls.caCertFile().isPresent()) {
            chain.addAll(PemCertificates.read(tls.caCertFile().get()));
        }
        if (!KeyPairs.matches(key, chain.get(0).getPublicKey())) {
            throw mismatch(tls.keyFile(), tls.certFile());
        }
        return new CertifiedKey(key, chain);
    }

    static KeyMaterialException mismatch(Path keyFile, Path certFile) {
        return new KeyMaterialException(keyFile, KeyMaterialException.Kind.MISMATCH, "the private key does not belong to the certificate in " + certFile
                + "; give the key the certificate was issued for");
    }
}
