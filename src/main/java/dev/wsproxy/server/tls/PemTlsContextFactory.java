package dev.wsproxy.server.tls;

import dev.wsproxy.config.model.Listener;
import dev.wsproxy.config.model.TlsSettings;
import dev.wsproxy.config.model.VirtualHost;
import dev.wsproxy.server.TlsContextFactory;
import dev.wsproxy.tls.CertifiedKey;
import dev.wsproxy.tls.KeyMaterialException;
import dev.wsproxy.tls.OpenSslCiphers;
import dev.wsproxy.tls.TlsProtocols;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * Builds a secure listener's TLS from the PEM files OLS reads: the listener's certificate for everyone, each
 * mapped vhost's {@code vhssl} certificate by SNI, and the listener's {@code sslProtocol} and
 * {@code ciphers} on every connection.
 */
public final class PemTlsContextFactory implements TlsContextFactory {
    private final Path base;

    /** @param base the directory messages show file names relative to (the working directory) */
    public PemTlsContextFactory(Path base) {
        this.base = base;
    }

    @Override
    public SSLContext create(Listener listener, List<VirtualHost> vhosts) throws TlsSetupException {
        // the server names the listener; this names the place in the config
        TlsSettings tls = listener.tls().orElseThrow(() -> new TlsSetupException(
                listener.span().describe(base) + ": secure 1 needs keyFile and certFile"));
        String where = tls.span().describe(base);
        Map<String, CertifiedKey> keys = new LinkedHashMap<>();
        keys.put(SniKeyManager.LISTENER_ALIAS, load(where, tls));
        for (VirtualHost vhost : vhosts) {
            if (vhost.vhssl().isPresent()) {
                String vhostWhere = "vhssl of virtual host " + vhost.name() + " (" + vhost.vhssl().get().span().describe(base) + ")";
                keys.put(SniKeyManager.aliasOf(vhost.name()), load(vhostWhere, vhost.vhssl().get()));
            }
        }
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(new KeyManager[] {new SniKeyManager(keys, SniNames.of(listener, vhosts))}, null, null);
            return new ConfiguredSslContext(context, parameters(where, tls, context));
        } catch (GeneralSecurityException e) {
            throw new TlsSetupException(where + ": the JDK cannot set up TLS (" + e.getMessage() + ")", e);
        }
    }

    private CertifiedKey load(String where, TlsSettings tls) throws TlsSetupException {
        try {
            return CertifiedKey.load(tls);
        } catch (KeyMaterialException e) {
            throw new TlsSetupException(where + ": " + shown(e.file()) + ": " + e.reason(), e);
        }
    }

    private String shown(Path file) {
        return base != null && file.isAbsolute() && file.startsWith(base) ? base.relativize(file).toString() : file.toString();
    }

    private static SSLParameters parameters(String where, TlsSettings tls, SSLContext context) throws TlsSetupException {
        SSLParameters parameters = context.getDefaultSSLParameters();
        List<String> supported = Arrays.asList(context.getSupportedSSLParameters().getProtocols());
        List<String> protocols = TlsProtocols.of(tls.sslProtocol()).stream().filter(supported::contains).toList();
        if (protocols.isEmpty()) {
            throw new TlsSetupException(where + ": sslProtocol " + tls.sslProtocol()
                    + " enables no TLS version this server supports; use 24 (TLS 1.2 and 1.3)");
        }
        parameters.setProtocols(protocols.toArray(String[]::new));
        if (tls.ciphers().isPresent()) {
            OpenSslCiphers.Selection selection = OpenSslCiphers.select(tls.ciphers().get(), Arrays.asList(parameters.getCipherSuites()));
            if (!selection.isUsableWith(protocols)) {
                throw new TlsSetupException(where + ": ciphers \"" + tls.ciphers().get()
                        + "\" selects no cipher suite Java supports; remove it to use the defaults");
            }
            parameters.setCipherSuites(selection.suites().toArray(String[]::new));
            parameters.setUseCipherSuitesOrder(true);
        }
        return parameters;
    }
}
