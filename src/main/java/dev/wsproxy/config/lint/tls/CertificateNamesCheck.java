package dev.wsproxy.config.lint.tls;

import dev.wsproxy.config.diag.Code;
import dev.wsproxy.config.diag.Diagnostics;
import dev.wsproxy.config.lint.check.ModelCheck;
import dev.wsproxy.config.model.ServerConfig;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Warns when a certificate's names (subjectAltName DNS and IP entries, the subject CN when there are none,
 * {@code *.} wildcards for one label) cover none of the domains of a vhost it is served for (WSP407).
 */
public final class CertificateNamesCheck implements ModelCheck {
    private static final int SAN_DNS = 2;
    private static final int SAN_IP = 7;
    private static final Pattern COMMON_NAME = Pattern.compile("(?:^|,)CN=([^,]+)");

    @Override
    public Set<Code> codes() {
        return Set.of(Code.TLS_NAME_MISMATCH);
    }

    @Override
    public void check(ServerConfig config, Diagnostics out) {
        for (TlsSite site : TlsSite.all(config)) {
            List<String> names = site.chain().map(chain -> names(chain.get(0))).orElse(List.of());
            if (names.isEmpty()) {
                continue;
            }
            for (Map.Entry<String, List<String>> vhost : site.domainsByVhost().entrySet()) {
                List<String> domains = vhost.getValue();
                if (!domains.isEmpty() && domains.stream().noneMatch(domain -> names.stream().anyMatch(name -> covers(name, domain)))) {
                    out.add(Code.TLS_NAME_MISMATCH, site.tls().span(), site.label() + ": the certificate is for " + String.join(", ", names)
                                    + ", none of virtual host " + vhost.getKey() + "'s domains (" + String.join(", ", domains) + ")",
                            "Browsers will warn on every visit; serve a certificate issued for these domains"
                                    + " (or give the vhost its own vhssl).");
                }
            }
        }
    }

    static List<String> names(X509Certificate certificate) {
        List<String> names = new ArrayList<>();
        try {
            Collection<List<?>> alternatives = certificate.getSubjectAlternativeNames();
            if (alternatives != null) {
                for (List<?> entry : alternatives) {
                    int type = (Integer) entry.get(0);
                    if (type == SAN_DNS || type == SAN_IP) {
                        names.add(entry.get(1).toString().toLowerCase(Locale.ROOT));
                    }
                }
            }
        } catch (CertificateParsingException e) {
            // a certificate whose SAN cannot be parsed: fall back to the CN, as old clients do
        }
        if (names.isEmpty()) {
            Matcher cn = COMMON_NAME.matcher(certificate.getSubjectX500Principal().getName());
            if (cn.find()) {
                names.add(cn.group(1).toLowerCase(Locale.ROOT));
            }
        }
        return names;
    }

    /** Whether a certificate name covers a domain; a domain is also covered by its {@code www.} form, as OLS maps both. */
    static boolean covers(String name, String domain) {
        String d = domain.toLowerCase(Locale.ROOT);
        return matches(name, d) || matches(name, "www." + d);
    }

    private static boolean matches(String name, String domain) {
        if (name.equals(domain)) {
            return true;
        }
        if (!name.startsWith("*.")) {
            return false;
        }
        int dot = domain.indexOf('.');
        return dot > 0 && domain.substring(dot + 1).equals(name.substring(2));
    }
}
