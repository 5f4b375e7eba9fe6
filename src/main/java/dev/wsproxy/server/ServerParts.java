package dev.wsproxy.server;

import dev.wsproxy.server.exchange.UpgradeRouting;
import java.util.Optional;

/**
 * The pieces the server takes from the other parts of wsproxy: WebSocket routing for every vhost, and the
 * TLS context builder for {@code secure} listeners (without one, a secure listener refuses to start).
 */
public record ServerParts(UpgradeRouting upgradeRouting, Optional<TlsContextFactory> tls) {

    /** No WebSocket routes and no TLS: plain HTTP only. */
    public static final ServerParts PLAIN = new ServerParts(UpgradeRouting.NONE, Optional.empty());
}
