package dev.wsproxy.server.tls;

import dev.wsproxy.config.model.TlsSettings;
import dev.wsproxy.server.TlsContextFactory.TlsSetupException;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.List;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.X509ExtendedKeyManager;

/** Builds a listener's TLS context on the JDK's JSSE, the fallback where BoringSSL does not load. */
final class JsseContexts {
    private JsseContexts() {
    }

    /** @param where the place in the config that messages name */
    static SSLContext create(String where, TlsSettings tls, X509ExtendedKeyManager keys) throws TlsSetupException {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(new KeyManager[] {keys}, null, null);
            if (tls.resumption().cache()) {
                // JSSE always keeps a cache and issues tickets; the listener's keys can only size the cache
                context.getServerSessionContext().setSessionCacheSize(tls.resumption().cacheSize());
                context.getServerSessionContext().setSessionTimeout(tls.resumption().cacheTimeoutSeconds());
            }
            return new ConfiguredSslContext(context, parameters(where, tls, context));
        } catch (GeneralSecurityException e) {
            throw new TlsSetupException(where + ": the JDK cannot set up TLS (" + e.getMessage() + ")", e);
        }
    }

    private static SSLParameters parameters(String where, TlsSettings tls, SSLContext context) throws TlsSetupException {
        SSLParameters parameters = context.getDefaultSSLParameters();
        List<String> protocols = TlsChoices.protocols(where, tls, Arrays.asList(context.getSupportedSSLParameters().getProtocols()));
        parameters.setProtocols(protocols.toArray(String[]::new));
        if (tls.ciphers().isPresent()) {
            parameters.setCipherSuites(TlsChoices.cipherSuites(where, tls, protocols, Arrays.asList(parameters.getCipherSuites()))
                    .toArray(String[]::new));
            parameters.setUseCipherSuitesOrder(true);
        }
        return parameters;
    }
}
