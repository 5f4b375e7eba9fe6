package dev.wsproxy.config.model;

import dev.wsproxy.config.source.Span;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The certificate a listener or a vhost's {@code vhssl} serves, with the protocol and cipher choices.
 *
 * @param caCertFile  {@code CACertFile}: certificates sent after certFile's (OLS builds the chain from it; its
 *                    {@code certChain} key is only a 0/1 flag saying that certFile holds a chain, which is read either way)
 * @param sslProtocol OLS bitmask (1 SSLv3, 2 TLS1.0, 4 TLS1.1, 8 TLS1.2, 16 TLS1.3); 0 means the default (1.2 and 1.3)
 * @param ciphers     OpenSSL cipher string, empty for the JDK defaults
 * @param enableSpdy  OLS bitmask (4 h2, 8 h3; 12 when unset, as in OLS); h2 is offered by ALPN when bit 4 is set
 * @param resumption  the session cache and tickets (a listener's; those of a {@code vhssl} are not used)
 */
public record TlsSettings(Path keyFile, Path certFile, Optional<Path> caCertFile, int sslProtocol,
                         Optional<String> ciphers, int enableSpdy, SessionResumption resumption, Span span) {

    private static final int SPDY_H2 = 4;

    /** Settings with OLS's default session resumption. */
    public TlsSettings(Path keyFile, Path certFile, Optional<Path> caCertFile, int sslProtocol,
                       Optional<String> ciphers, int enableSpdy, Span span) {
        this(keyFile, certFile, caCertFile, sslProtocol, ciphers, enableSpdy, SessionResumption.OLS_DEFAULT, span);
    }

    /** Whether ALPN offers HTTP/2 ({@code enableSpdy} bit 4). */
    public boolean offersHttp2() {
        return (enableSpdy & SPDY_H2) != 0;
    }
}
