package dev.wsproxy.config.lint.tls;

import dev.wsproxy.config.diag.Code;
import dev.wsproxy.config.diag.Diagnostics;
import dev.wsproxy.config.lint.check.ModelCheck;
import dev.wsproxy.config.model.ServerConfig;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Set;

/** certFile then CACertFile form a chain: each certificate is issued (and signed) by the next one (WSP404). */
public final class CertificateChainOrderCheck implements ModelCheck {

    @Override
    public Set<Code> codes() {
        return Set.of(Code.TLS_CHAIN_ORDER);
    }

    @Override
    public void check(ServerConfig config, Diagnostics out) {
        for (TlsSite site : TlsSite.all(config)) {
            List<X509Certificate> chain = site.chain().orElse(List.of());
            for (int i = 0; i + 1 < chain.size(); i++) {
                if (!issuedBy(chain.get(i), chain.get(i + 1))) {
                    out.add(Code.TLS_CHAIN_ORDER, site.tls().span(), site.label() + ": certificate #" + (i + 1) + " ("
                                    + subject(chain.get(i)) + ") is not issued by certificate #" + (i + 2) + " (" + subject(chain.get(i + 1)) + ")",
                            "List the server certificate first and then each issuer in turn, as Let's Encrypt's fullchain.pem does;"
                                    + " many clients reject a chain out of order.");
                    break;
                }
            }
        }
    }

    private static boolean issuedBy(X509Certificate certificate, X509Certificate issuer) {
        if (!certificate.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())) {
            return false;
        }
        try {
            certificate.verify(issuer.getPublicKey());
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    static String subject(X509Certificate certificate) {
        return certificate.getSubjectX500Principal().getName();
    }
}
