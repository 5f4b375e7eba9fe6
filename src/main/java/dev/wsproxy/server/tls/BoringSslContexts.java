package dev.wsproxy.server.tls;

import dev.wsproxy.config.model.SessionResumption;
import dev.wsproxy.config.model.TlsSettings;
import dev.wsproxy.server.TlsContextFactory.TlsSetupException;
import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.ApplicationProtocolConfig.Protocol;
import io.netty.handler.ssl.ApplicationProtocolConfig.SelectedListenerFailureBehavior;
import io.netty.handler.ssl.ApplicationProtocolConfig.SelectorFailureBehavior;
import io.netty.handler.ssl.OpenSsl;
import io.netty.handler.ssl.OpenSslCachingX509KeyManagerFactory;
import io.netty.handler.ssl.OpenSslContextOption;
import io.netty.handler.ssl.OpenSslServerSessionContext;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.netty.handler.ssl.util.KeyManagerFactoryWrapper;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * Builds a listener's TLS context on BoringSSL: the same key manager picks the certificate by SNI during each
 * handshake, the versions and suites are the listener's, ALPN offers h2 when {@code enableSpdy} asks, and the
 * session cache and tickets are as {@link SessionResumption} says.
 */
final class BoringSslContexts {
    /** The versions BoringSSL speaks, newest first: no SSLv3. */
    private static final List<String> PROTOCOLS = List.of("TLSv1.3", "TLSv1.2", "TLSv1.1", "TLSv1");

    private BoringSslContexts() {
    }

    /** @param where the place in the config that messages name */
    static SSLContext create(String where, TlsSettings tls, X509ExtendedKeyManager keys) throws TlsSetupException {
        List<String> protocols = TlsChoices.protocols(where, tls, PROTOCOLS);
        SessionResumption resumption = tls.resumption();
        Optional<TicketKeys> tickets = TicketKeys.of(where, resumption);
        // the caching factory turns each certificate into BoringSSL's form once, not on every handshake
        SslContextBuilder builder = SslContextBuilder.forServer(new OpenSslCachingX509KeyManagerFactory(new KeyManagerFactoryWrapper(keys)))
                .sslProvider(SslProvider.OPENSSL)
                // the I/O thread does the whole handshake, as nginx's workers do: no hand-off to a worker thread
                .option(OpenSslContextOption.USE_TASKS, false)
                .protocols(protocols)
                .sessionCacheSize(resumption.cacheSize())
                .sessionTimeout(resumption.cache() ? resumption.cacheTimeoutSeconds() : resumption.ticketLifetimeSeconds());
        if (tls.ciphers().isPresent()) {
            builder.ciphers(TlsChoices.cipherSuites(where, tls, protocols, List.copyOf(OpenSsl.availableJavaCipherSuites())));
        }
        if (tls.offersHttp2()) {
            builder.applicationProtocolConfig(new ApplicationProtocolConfig(Protocol.ALPN, SelectorFailureBehavior.NO_ADVERTISE,
                    SelectedListenerFailureBehavior.ACCEPT, "h2", "http/1.1"));
        }
        try {
            SslContext context = builder.build();
            OpenSslServerSessionContext sessions = (OpenSslServerSessionContext) context.sessionContext();
            sessions.setSessionCacheEnabled(resumption.cache());
            return new NativeSslContext(context, tickets);
        } catch (SSLException | IllegalArgumentException e) {
            throw new TlsSetupException(where + ": BoringSSL cannot set up TLS (" + e.getMessage() + ")", e);
        }
    }
}
