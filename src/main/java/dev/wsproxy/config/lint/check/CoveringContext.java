package dev.wsproxy.config.lint.check;

import dev.wsproxy.config.model.Context;
import dev.wsproxy.config.model.ContextUri;
import dev.wsproxy.config.model.VirtualHost;
import dev.wsproxy.config.model.WebSocketRoute;
import java.util.Comparator;
import java.util.Optional;

/** The prefix context a plain websocket URI falls in: the longest that covers it; none for exp: routes. */
final class CoveringContext {
    private CoveringContext() {
    }

    static Optional<Context> of(VirtualHost vhost, WebSocketRoute route) {
        if (!(route.uri() instanceof ContextUri.Prefix routeUri)) {
            return Optional.empty();
        }
        return vhost.contexts().stream()
                .filter(c -> c.uri() instanceof ContextUri.Prefix p && covers(p.path(), routeUri.path()))
                .max(Comparator.comparingInt(c -> ((ContextUri.Prefix) c.uri()).path().length()));
    }

    private static boolean covers(String context, String path) {
        return path.startsWith(context) && (context.endsWith("/") || path.length() == context.length()
                || path.charAt(context.length()) == '/');
    }
}
