package dev.wsproxy.config.bind;

import dev.wsproxy.config.ast.Block;
import dev.wsproxy.config.model.BackendAddress;
import dev.wsproxy.config.model.RouteKey;
import dev.wsproxy.config.model.WebSocketRoute;
import dev.wsproxy.config.value.BackendAddresses;
import dev.wsproxy.config.value.RouteClaims;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Binds a vhost's {@code websocket} blocks into routes, in config order. A block without a URI or an
 * address is reported and skipped; of blocks with one {@link RouteKey} ({@code /ws} and {@code /ws/}) the one
 * OLS uses is kept ({@link RouteClaims}).
 */
final class WebSocketBinder {
    private final Binding binding;

    WebSocketBinder(Binding binding) {
        this.binding = binding;
    }

    List<WebSocketRoute> bind(Block config) {
        Map<RouteKey, WebSocketRoute> byRoute = new LinkedHashMap<>();
        for (RouteClaims.Claim claim : RouteClaims.websockets(config).accepted()) {
            Block body = Block.of(claim.block());
            BackendAddress backend = BackendAddresses.websocket(body.value("address").orElseThrow()).get().orElseThrow();
            Duration idle = Duration.ofSeconds(Settings.number(body, "idleTimeout").orElse(0L));
            byRoute.put(claim.uri().routeKey(), new WebSocketRoute(claim.uri(), backend, idle, claim.block().span()));
        }
        return new ArrayList<>(byRoute.values());
    }
}
