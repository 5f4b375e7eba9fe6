package dev.wsproxy.server.proxy;

import dev.wsproxy.config.model.ContextUri;
import dev.wsproxy.config.model.WebSocketRoute;
import dev.wsproxy.server.exchange.AccessLogSink;
import dev.wsproxy.server.exchange.Step;
import dev.wsproxy.server.exchange.Trace;
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

    /** A route's URI as written in the config and its tunnel. */
    private record Route(String uri, HttpHandler tunnel) {
    }

    /** An {@code exp:} route. */
    private record RegexRoute(Pattern pattern, Route route) {
    }

    private final List<RegexRoute> regexRoutes = new ArrayList<>();
    private final PathMatcher<Route> prefixRoutes = new PathMatcher<>();
    private final HttpHandler next;

    UpgradeRouter(List<WebSocketRoute> routes, TunnelSettings settings, AccessLogSink accessLog, HttpHandler next) {
        this.next = next;
        for (WebSocketRoute route : routes) {
            Route tunnel = new Route(route.uri().text(), new TunnelHandler(route, settings, accessLog));
            if (route.uri() instanceof ContextUri.Regex regex) {
                regexRoutes.add(new RegexRoute(regex.pattern(), tunnel));
            } else {
                prefixRoutes.addPrefixPath(route.uri().routeKey().value(), tunnel);
            }
        }
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        if (!UpgradeRequest.wantsWebSocket(exchange)) {
            next.handleRequest(exchange);
            return;
        }
        Route route = match(exchange.getRequestPath());
        Trace trace = Trace.of(exchange);
        if (route == null) {
            trace.note(Step.WEBSOCKET_ROUTE, "no websocket route matches; the upgrade goes on as a plain request");
            next.handleRequest(exchange);
            return;
        }
        trace.note(Step.WEBSOCKET_ROUTE, "websocket ", route.uri());
        trace.match(route.uri());
        route.tunnel().handleRequest(exchange);
    }

    private Route match(String decodedPath) {
        String path = CanonicalPathUtils.canonicalize(decodedPath);
        for (RegexRoute regex : regexRoutes) {
            if (regex.pattern().matcher(path).find()) {
                return regex.route();
            }
        }
        return prefixRoutes.match(path).getValue();
    }
}
