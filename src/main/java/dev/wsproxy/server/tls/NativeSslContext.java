package dev.wsproxy.server.tls;

import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.ssl.OpenSslSessionContext;
import io.netty.handler.ssl.SslContext;
import java.security.KeyManagementException;
import java.security.SecureRandom;
import java.util.Optional;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;

/**
 * A listener's BoringSSL context in the JDK's shape, so that Undertow (through XNIO) makes its server engines as
 * it makes JSSE's: each {@code createSSLEngine()} is a new BoringSSL connection with everything already set.
 */
final class NativeSslContext extends SSLContext {

    NativeSslContext(SslContext context, Optional<TicketKeys> tickets) {
        super(new Spi(context, tickets), null, "TLS");
    }

    /** Makes engines from netty's context; renews the ticket key when it is due. */
    private static final class Spi extends SSLContextSpi {
        private final SslContext context;
        private final OpenSslSessionContext sessions;
        private final Optional<TicketKeys> tickets;

        Spi(SslContext context, Optional<TicketKeys> tickets) {
            this.context = context;
            this.sessions = (OpenSslSessionContext) context.sessionContext();
            this.tickets = tickets;
            tickets.ifPresent(keys -> keys.install(sessions));
        }

        @Override
        protected void engineInit(KeyManager[] km, TrustManager[] tm, SecureRandom sr) throws KeyManagementException {
            throw new KeyManagementException("already initialised with the listener's keys");
        }

        @Override
        protected SSLEngine engineCreateSSLEngine() {
            tickets.ifPresent(keys -> keys.renewIfDue(sessions));
            return new NativeEngine(context.newEngine(ByteBufAllocator.DEFAULT));
        }

        @Override
        protected SSLEngine engineCreateSSLEngine(String host, int port) {
            return engineCreateSSLEngine();
        }

        @Override
        protected SSLSessionContext engineGetServerSessionContext() {
            return sessions;
        }

        @Override
        protected SSLSessionContext engineGetClientSessionContext() {
            return null;
        }

        @Override
        protected SSLSocketFactory engineGetSocketFactory() {
            throw new UnsupportedOperationException("a BoringSSL listener context makes engines only");
        }

        @Override
        protected SSLServerSocketFactory engineGetServerSocketFactory() {
            throw new UnsupportedOperationException("a BoringSSL listener context makes engines only");
        }

        @Override
        protected SSLParameters engineGetDefaultSSLParameters() {
            return engineCreateSSLEngine().getSSLParameters();
        }

        @Override
        protected SSLParameters engineGetSupportedSSLParameters() {
            return engineGetDefaultSSLParameters();
        }
    }
}
