package dev.wsproxy.config.lint.tls;

import dev.wsproxy.config.diag.Code;
import dev.wsproxy.config.diag.Diagnostics;
import dev.wsproxy.config.lint.check.ModelCheck;
import dev.wsproxy.config.model.ServerConfig;
import dev.wsproxy.tls.OpenSslCiphers;
import dev.wsproxy.tls.TlsProtocols;
import java.util.Set;

/**
 * A listener's {@code ciphers} list: names with no Java equivalent are ignored (WSP408), and a list that leaves
 * the enabled TLS versions without any suite stops the listener (WSP410). In {@code vhssl} the list has no effect
 * here, which {@code OlsDifferenceCheck} reports.
 */
public final class CipherListCheck implements ModelCheck {

    @Override
    public Set<Code> codes() {
        return Set.of(Code.TLS_UNKNOWN_CIPHER, Code.TLS_NO_CIPHER);
    }

    @Override
    public void check(ServerConfig config, Diagnostics out) {
        for (TlsSite site : TlsSite.all(config)) {
            if (site.tls().ciphers().isEmpty() || site.isVhssl()) {
                continue;
            }
            String ciphers = site.tls().ciphers().get();
            OpenSslCiphers.Selection selection = OpenSslCiphers.select(ciphers, OpenSslCiphers.jdkDefaults());
            if (!selection.unmapped().isEmpty()) {
                out.add(Code.TLS_UNKNOWN_CIPHER, site.tls().span(), site.label() + ": ciphers " + String.join(", ", selection.unmapped())
                                + (selection.unmapped().size() == 1 ? " has" : " have") + " no Java equivalent and "
                                + (selection.unmapped().size() == 1 ? "is" : "are") + " ignored",
                        "Java lacks these suites or disables them as unsafe; remove them to silence this warning.");
            }
            if (!selection.isUsableWith(TlsProtocols.of(site.tls().sslProtocol()))) {
                out.add(Code.TLS_NO_CIPHER, site.tls().span(), site.label() + ": ciphers \"" + ciphers
                                + "\" leaves TLS 1.2 without any cipher suite Java supports",
                        "Use a list such as ECDHE+AESGCM:ECDHE+CHACHA20, or remove ciphers to use the JDK's defaults.");
            }
        }
    }
}
