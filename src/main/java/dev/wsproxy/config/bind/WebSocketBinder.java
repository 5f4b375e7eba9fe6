package dev.wsproxy.config.bind;

import dev.wsproxy.config.ast.Directive;
import dev.wsproxy.config.bind.value.BackendAddresses;
import dev.wsproxy.config.bind.value.Uris;
import dev.wsproxy.config.diag.Code;
import dev.wsproxy.config.diag.Diagnostic;
import dev.wsproxy.config.model.BackendAddress;
import dev.wsproxy.config.model.ContextUri;
import dev.wsproxy.config.model.WebSocketRoute;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Binds a vhost's {@code websocket} blocks into routes, in config order. A block without a URI or an
 * address is reported and skipped; a second block for the same URI replaces the first, as in OLS.
 */
final class WebSocketBinder {
    private final Binding binding;

    WebSocketBinder(Binding binding) {
        this.binding = binding;
    }

    List<WebSocketRoute> bind(Block config) {
        Map<String, WebSocketRoute> byUri = new LinkedHashMap<>();
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
            WebSocketRoute earlier = byUri.put(uri.get().text(), route);
            if (earlier != null) {
                binding.diagnostics.add(Diagnostic.of(Code.DUPLICATE_WEBSOCKET, d.span(),
                                "websocket `" + uri.get().text() + "` is defined twice",
                                "As in OLS the last block wins; remove the other one.")
                        .withRelated(earlier.span(), "first defined here"));
            }
        }
        return new ArrayList<>(byUri.values());
    }
}
