package dev.wsproxy.server.tls;

import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.ssl.OpenSslServerSessionContext;
import io.netty.handler.ssl.OpenSslSessionTicketKey;
import io.netty.handler.ssl.ReferenceCountedOpenSslEngine;
import io.netty.handler.ssl.SslContext;
import io.netty.internal.tcnative.SSL;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;
import java.security.KeyManagementException;
import java.security.SecureRandom;
import java.util.List;
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

    /** Makes engines from netty's context; gives it the new ticket keys when they change. */
    private static final class Spi extends SSLContextSpi {
        /**
         * The session ID context, which a ticket must have been issued under to resume: one for every wsproxy, so that
         * servers sharing a ticket key file resume each other's sessions (netty's own differs from context to context).
         */
        private static final byte[] SESSION_ID_CONTEXT = "wsproxy".getBytes(StandardCharsets.US_ASCII);

        private final SslContext context;
        private final OpenSslServerSessionContext sessions;
        private final Optional<TicketKeys> tickets;
        private final EngineDefaults defaults;
        private volatile List<OpenSslSessionTicketKey> installed;

        Spi(SslContext context, Optional<TicketKeys> tickets) {
            this.context = context;
            this.sessions = (OpenSslServerSessionContext) context.sessionContext();
            this.tickets = tickets;
            sessions.setSessionIdContext(SESSION_ID_CONTEXT);
            tickets.ifPresent(keys -> installed = keys.installIn(sessions));
            SSLEngine first = context.newEngine(ByteBufAllocator.DEFAULT);
            try {
                defaults = EngineDefaults.of(first, NativeEngine.enabledProtocols(first));
            } finally {
                ReferenceCountUtil.release(first);
            }
        }

        @Override
        protected void engineInit(KeyManager[] km, TrustManager[] tm, SecureRandom sr) throws KeyManagementException {
            throw new KeyManagementException("already initialised with the listener's keys");
        }

        @Override
        protected SSLEngine engineCreateSSLEngine() {
            SSLEngine engine = context.newEngine(ByteBufAllocator.DEFAULT);
            if (tickets.isEmpty()) {
                // netty turns TLS 1.3 tickets on for each engine, whatever its context says
                SSL.setOptions(((ReferenceCountedOpenSslEngine) engine).sslPointer(), SSL.SSL_OP_NO_TICKET);
            } else if (tickets.get().current() != installed) {
                installed = tickets.get().installIn(sessions);
            }
            return new NativeEngine(engine, defaults);
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
            return defaults.parametersCopy();
        }

        @Override
        protected SSLParameters engineGetSupportedSSLParameters() {
            return engineGetDefaultSSLParameters();
        }
    }
}
