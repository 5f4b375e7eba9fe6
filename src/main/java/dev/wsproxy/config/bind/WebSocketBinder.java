package dev.wsproxy.config.bind;

import dev.wsproxy.config.ast.Block;
import dev.wsproxy.config.ast.Directive;
import dev.wsproxy.config.diag.Code;
import dev.wsproxy.config.model.BackendAddress;
import dev.wsproxy.config.model.ContextUri;
import dev.wsproxy.config.model.RouteKey;
import dev.wsproxy.config.model.WebSocketRoute;
import dev.wsproxy.config.value.BackendAddresses;
import dev.wsproxy.config.value.Uris;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Binds a vhost's {@code websocket} blocks into routes, in config order. A block without a URI or an
 * address is reported and skipped; of blocks with one {@link RouteKey} ({@code /ws} and {@code /ws/}) the one
 * OLS uses is kept.
 */
final class WebSocketBinder {
    private final Binding binding;

    WebSocketBinder(Binding binding) {
        this.binding = binding;
    }

    List<WebSocketRoute> bind(Block config) {
        Map<RouteKey, WebSocketRoute> byRoute = new LinkedHashMap<>();
        Map<RouteKey, ContextUri> firstOf = new LinkedHashMap<>();
        for (Directive d : config.all("websocket")) {
            Block body = Block.of(d);
            Optional<String> uriText = Block.nameOf(d, "uri");
            Optional<Directive> address = body.first("address").filter(a -> !a.value().isBlank());
            if (uriText.isEmpty() || address.isEmpty()) {
                binding.report(Code.MISSING_REQUIRED, d.span(),
                        "websocket block has no " + (uriText.isEmpty() ? "URI" : "address"),
                        "OLS silently skips it. Write `websocket /path/ { address host:port }`.");
                continue;
            }
            Optional<ContextUri> uri = Uris.parse(uriText.get()).get();
            Optional<BackendAddress> backend = BackendAddresses.websocket(address.get().value()).get();
            if (uri.isEmpty() || backend.isEmpty()) {
                continue;
            }
            Duration idle = Duration.ofSeconds(Settings.number(body, "idleTimeout").orElse(0L));
            WebSocketRoute route = new WebSocketRoute(uri.get(), backend.get(), idle, d.span());
            RouteKey key = uri.get().routeKey();
            ContextUri first = firstOf.computeIfAbsent(key, k -> route.uri());
            WebSocketRoute kept = byRoute.get(key);
            if (kept == null || reportClash(first, new RouteClash("websocket", written(kept), written(route)))) {
                byRoute.put(key, route);
            }
        }
        return new ArrayList<>(byRoute.values());
    }

    /**
     * Reports two blocks with one route and says whether the later one replaces the kept one. OLS gives each block's
     * address to the context the route's first block made, which it finds again only under that block's own spelling
     * or, when that spelling ends in {@code /}, under any; otherwise it cannot file the later block and drops it.
     */
    private boolean reportClash(ContextUri first, RouteClash clash) {
        boolean replaces = first.text().endsWith("/") || first.text().equals(clash.later().uri().text());
        String rule = replaces
                ? "OLS gives this block's address to the route `" + first.text() + "` that the first block made."
                : "OLS finds the route `" + first.text() + "` that the first block made only under that spelling"
                        + " (a URI ending in / would match both), so it drops this block.";
        binding.diagnostics.add(clash.report(Code.DUPLICATE_WEBSOCKET, replaces ? clash.later() : clash.kept(), rule));
        return replaces;
    }

    private static RouteClash.Written written(WebSocketRoute route) {
        return new RouteClash.Written(route.uri(), route.span());
    }
}
