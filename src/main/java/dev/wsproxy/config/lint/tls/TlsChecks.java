package dev.wsproxy.config.lint.tls;

import dev.wsproxy.config.lint.check.ModelCheck;
import java.util.List;

/** The TLS lint checks (WSP4xx): they read the key and certificate files a config names, never the network. */
public final class TlsChecks {

    private TlsChecks() {
    }

    public static List<ModelCheck> all() {
        return List.of(new TlsFilesCheck(), new EncryptedKeyCheck(), new KeyCertificateMatchCheck(),
                new CertificateChainOrderCheck(), new CertificateExpiryCheck(), new CertificateNamesCheck(), new CipherListCheck());
    }
}
