package dev.wsproxy.server.tls;

import dev.wsproxy.tls.CertifiedKey;
import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * The server key manager of one listener: serves the {@code vhssl} certificate of the vhost the client's SNI
 * host name belongs to, and the listener's own certificate to everyone else (no SNI, or a name no vhost
 * with {@code vhssl} claims).
 */
final class SniKeyManager extends X509ExtendedKeyManager {
    static final String LISTENER_ALIAS = "listener";
    private static final String VHOST_ALIAS_PREFIX = "vhost:";

    private final Map<String, CertifiedKey> keysByAlias;
    private final SniNames names;

    /** @param keysByAlias the listener's key under {@link #LISTENER_ALIAS}, each vhost's under {@link #aliasOf} */
    SniKeyManager(Map<String, CertifiedKey> keysByAlias, SniNames names) {
        this.keysByAlias = Map.copyOf(keysByAlias);
        this.names = names;
    }

    static String aliasOf(String vhostName) {
        return VHOST_ALIAS_PREFIX + vhostName;
    }

    @Override
    public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
        return choose(keyType, engine == null ? null : engine.getHandshakeSession());
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
        return choose(keyType, socket instanceof SSLSocket ssl ? ssl.getHandshakeSession() : null);
    }

    /** The alias for this handshake, or null when its key cannot serve {@code keyType}; JSSE then tries the next type. */
    private String choose(String keyType, SSLSession handshake) {
        String alias = requestedHost(handshake)
                .flatMap(names::vhostFor)
                .map(SniKeyManager::aliasOf)
                .filter(keysByAlias::containsKey)
                .orElse(LISTENER_ALIAS);
        CertifiedKey key = keysByAlias.get(alias);
        return key != null && serves(key, keyType) ? alias : null;
    }

    private static Optional<String> requestedHost(SSLSession handshake) {
        if (handshake instanceof ExtendedSSLSession extended) {
            for (SNIServerName name : extended.getRequestedServerNames()) {
                if (name instanceof SNIHostName host) {
                    return Optional.of(host.getAsciiName());
                }
            }
        }
        return Optional.empty();
    }

    /** JSSE asks by key type, e.g. "RSA", "EC", "EdDSA", or "EC_RSA" for a key type and its signer. */
    private static boolean serves(CertifiedKey key, String keyType) {
        int underscore = keyType.indexOf('_');
        return key.keyType().equals(underscore < 0 ? keyType : keyType.substring(0, underscore));
    }

    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
        String[] aliases = keysByAlias.entrySet().stream()
                .filter(e -> serves(e.getValue(), keyType)).map(Map.Entry::getKey).toArray(String[]::new);
        return aliases.length == 0 ? null : aliases;
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
        CertifiedKey key = keysByAlias.get(alias);
        return key == null ? null : key.chain().toArray(X509Certificate[]::new);
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
        CertifiedKey key = keysByAlias.get(alias);
        return key == null ? null : key.key();
    }

    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
        return null; // a server key manager: wsproxy never authenticates as a client
    }

    @Override
    public String chooseClientAlias(String[] keyTypes, Principal[] issuers, Socket socket) {
        return null;
    }
}
