package dev.wsproxy.config.lint.tls;

import dev.wsproxy.config.diag.Code;
import dev.wsproxy.config.diag.Diagnostics;
import dev.wsproxy.config.lint.check.ModelCheck;
import dev.wsproxy.config.model.ServerConfig;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** Warns on a certificate, the server's or one in its chain, that has expired (WSP405) or expires within 14 days (WSP406). */
public final class CertificateExpiryCheck implements ModelCheck {
    private static final Duration SOON = Duration.ofDays(14);

    @Override
    public Set<Code> codes() {
        return Set.of(Code.TLS_CERT_EXPIRED, Code.TLS_CERT_EXPIRING);
    }

    @Override
    public void check(ServerConfig config, Diagnostics out) {
        Instant now = Instant.now();
        for (TlsSite site : TlsSite.all(config)) {
            for (X509Certificate certificate : site.chain().orElse(List.of())) {
                Instant notAfter = certificate.getNotAfter().toInstant();
                String which = site.label() + ": certificate " + CertificateChainOrderCheck.subject(certificate);
                if (notAfter.isBefore(now)) {
                    out.add(Code.TLS_CERT_EXPIRED, site.tls().span(), which + " expired on " + notAfter,
                            "Renew it (e.g. `certbot renew`); clients refuse an expired certificate.");
                } else if (notAfter.isBefore(now.plus(SOON))) {
                    out.add(Code.TLS_CERT_EXPIRING, site.tls().span(), which + " expires on " + notAfter,
                            "Renew it before then (e.g. `certbot renew`), and check that renewal runs by itself.");
                }
            }
        }
    }
}
