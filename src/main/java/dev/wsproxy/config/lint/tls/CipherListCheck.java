package dev.wsproxy.config.lint.tls;

import dev.wsproxy.config.diag.Code;
import dev.wsproxy.config.diag.Diagnostics;
import dev.wsproxy.config.lint.ModelCheck;
import dev.wsproxy.config.model.ServerConfig;
import dev.wsproxy.tls.OpenSslCiphers;
import dev.wsproxy.tls.TlsProtocols;

/**
 * The {@code ciphers} list: names with no Java equivalent are ignored (WSP408), and a list that leaves the
 * enabled TLS versions without any suite stops the listener (WSP410). In {@code vhssl} the list has no
 * effect here (WSP312): JSSE fixes protocols and suites before it knows the SNI name.
 */
public final class CipherListCheck implements ModelCheck {

    @Override
    public void check(ServerConfig config, Diagnostics out) {
        for (TlsSite site : TlsSite.all(config)) {
            if (site.tls().ciphers().isEmpty()) {
                continue;
            }
            String ciphers = site.tls().ciphers().get();
            if (site.isVhssl()) {
                out.add(Code.DIFFERS_FROM_OLS, site.tls().span(), site.label() + ": ciphers in vhssl has no effect in wsproxy",
                        "The listener's ciphers apply to every vhost on it; move the list to the listener if it matters.");
                continue;
            }
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
