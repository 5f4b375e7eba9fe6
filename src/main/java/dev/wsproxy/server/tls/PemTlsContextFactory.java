package dev.wsproxy.server.tls;

import dev.wsproxy.config.model.Listener;
import dev.wsproxy.config.model.TlsSettings;
import dev.wsproxy.config.model.VirtualHost;
import dev.wsproxy.server.TlsContextFactory;
import dev.wsproxy.tls.CertifiedKey;
import dev.wsproxy.tls.KeyMaterialException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;

/**
 * Builds a secure listener's TLS from the PEM files OLS reads: the listener's certificate for everyone, each
 * mapped vhost's {@code vhssl} certificate by SNI, and the listener's {@code sslProtocol} and
 * {@code ciphers} on every connection, through BoringSSL or the JDK's JSSE ({@link TlsLibrary}).
 */
public final class PemTlsContextFactory implements TlsContextFactory {
    private final Path base;
    private final TlsLibrary library;

    /** @param base the directory messages show file names relative to (the working directory) */
    public PemTlsContextFactory(Path base) {
        this(base, TlsLibrary.chosen());
    }

    /** @param library the TLS implementation, {@link TlsLibrary#chosen()} unless a test wants one */
    public PemTlsContextFactory(Path base, TlsLibrary library) {
        this.base = base;
        this.library = library;
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
        SniKeyManager keyManager = new SniKeyManager(keys, SniNames.of(listener, vhosts));
        return library == TlsLibrary.BORINGSSL ? BoringSslContexts.create(where, tls, keyManager)
                : JsseContexts.create(where, tls, keyManager);
    }

    @Override
    public String library() {
        return "TLS through " + library + (isFallback() ? ": BoringSSL did not load (" + TlsLibrary.fallbackReason().orElseThrow()
                + "); new handshakes cost several times the CPU" : "");
    }

    @Override
    public boolean isFallback() {
        return library == TlsLibrary.JSSE && TlsLibrary.fallbackReason().isPresent();
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
}
