package dev.wsproxy.server.tls;

import dev.wsproxy.config.model.TlsSettings;
import dev.wsproxy.server.TlsContextFactory.TlsSetupException;
import dev.wsproxy.tls.OpenSslCiphers;
import dev.wsproxy.tls.TlsProtocols;
import java.util.List;

/** A listener's {@code sslProtocol} and {@code ciphers} against what one TLS implementation supports. */
final class TlsChoices {
    private TlsChoices() {
    }

    /** The enabled TLS versions, newest first; an error when the bitmask enables none of the {@code supported}. */
    static List<String> protocols(String where, TlsSettings tls, List<String> supported) throws TlsSetupException {
        List<String> protocols = TlsProtocols.of(tls.sslProtocol()).stream().filter(supported::contains).toList();
        if (protocols.isEmpty()) {
            throw new TlsSetupException(where + ": sslProtocol " + tls.sslProtocol()
                    + " enables no TLS version this server supports; use 24 (TLS 1.2 and 1.3)");
        }
        return protocols;
    }

    /** The suites the OpenSSL cipher string selects from {@code available}, in its order; an error when none can serve. */
    static List<String> cipherSuites(String where, TlsSettings tls, List<String> protocols, List<String> available)
            throws TlsSetupException {
        OpenSslCiphers.Selection selection = OpenSslCiphers.select(tls.ciphers().orElseThrow(), available);
        if (!selection.isUsableWith(protocols)) {
            throw new TlsSetupException(where + ": ciphers \"" + tls.ciphers().get()
                    + "\" selects no cipher suite this server supports; remove it to use the defaults");
        }
        return selection.suites();
    }
}
