package dev.wsproxy.server.proxy;

import dev.wsproxy.config.model.ContextUri;
import dev.wsproxy.config.model.WebSocketRoute;
import dev.wsproxy.server.AccessLogSink;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.CanonicalPathUtils;
import io.undertow.util.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A vhost's WebSocket routes in front of its other handlers. An upgrade is matched on its decoded, canonical path:
 * {@code exp:} routes first in config order ({@code find()}), then plain URIs by segment-wise longest prefix
 * ({@code /ws} and {@code /ws/} both match {@code /ws} and {@code /ws/...}, never {@code /wsx}); plain routes
 * are filed by their {@link dev.wsproxy.config.model.RouteKey}, as the binder compares them; it leaves one route
 * per key (were there two, the last would win). Plain requests and unmatched upgrades go to {@code next}.
 */
final class UpgradeRouter implements HttpHandler {

    /** An {@code exp:} route with its tunnel. */
    private record RegexRoute(Pattern pattern, HttpHandler tunnel) {
    }

    private final List<RegexRoute> regexRoutes = new ArrayList<>();
    private final PathMatcher<HttpHandler> prefixRoutes = new PathMatcher<>();
    private final HttpHandler next;

    UpgradeRouter(List<WebSocketRoute> routes, TunnelSettings settings, AccessLogSink accessLog, HttpHandler next) {
        this.next = next;
        for (WebSocketRoute route : routes) {
            HttpHandler tunnel = new TunnelHandler(route, settings, accessLog);
            if (route.uri() instanceof ContextUri.Regex regex) {
                regexRoutes.add(new RegexRoute(regex.pattern(), tunnel));
            } else {
                prefixRoutes.addPrefixPath(route.uri().routeKey().value(), tunnel);
            }
        }
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        HttpHandler tunnel = UpgradeRequest.wantsWebSocket(exchange) ? match(exchange.getRequestPath()) : null;
        (tunnel == null ? next : tunnel).handleRequest(exchange);
    }

    private HttpHandler match(String decodedPath) {
        String path = CanonicalPathUtils.canonicalize(decodedPath);
        for (RegexRoute route : regexRoutes) {
            if (route.pattern().matcher(path).find()) {
                return route.tunnel();
            }
        }
        return prefixRoutes.match(path).getValue();
    }
}
