package dev.wsproxy.server.rewrite;

import dev.wsproxy.config.model.ContextUri;
import dev.wsproxy.config.model.WebSocketRoute;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.util.List;

/**
 * Whether a request is a WebSocket upgrade that one of the vhost's {@code websocket} blocks takes: such a request
 * is tunnelled before the vhost's rewrite rules, as OLS does. Matches as the upgrade router does: {@code exp:}
 * by regex search, plain URIs segment by segment.
 */
final class UpgradeRoutes {
    private final List<WebSocketRoute> routes;

    UpgradeRoutes(List<WebSocketRoute> routes) {
        this.routes = routes;
    }

    boolean takes(HttpServerExchange exchange, String path) {
        return !routes.isEmpty() && isUpgrade(exchange) && routes.stream().anyMatch(r -> matches(r.uri(), path));
    }

    static boolean isUpgrade(HttpServerExchange exchange) {
        String upgrade = exchange.getRequestHeaders().getFirst(Headers.UPGRADE);
        return upgrade != null && upgrade.toLowerCase(java.util.Locale.ROOT).contains("websocket");
    }

    private static boolean matches(ContextUri uri, String path) {
        if (uri instanceof ContextUri.Regex regex) {
            return regex.pattern().matcher(path).find();
        }
        String prefix = uri.routeKey().value();
        return prefix.equals("/") || path.equals(prefix) || path.startsWith(prefix + "/");
    }
}
