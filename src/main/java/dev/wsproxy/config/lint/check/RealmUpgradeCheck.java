package dev.wsproxy.config.lint.check;

import dev.wsproxy.config.diag.Code;
import dev.wsproxy.config.diag.Diagnostics;
import dev.wsproxy.config.lint.ModelCheck;
import dev.wsproxy.config.model.Context;
import dev.wsproxy.config.model.ContextUri;
import dev.wsproxy.config.model.ServerConfig;
import dev.wsproxy.config.model.VirtualHost;
import dev.wsproxy.config.model.WebSocketRoute;
import java.util.Comparator;
import java.util.Optional;

/**
 * WSP312: a websocket block whose URI falls in a context with a realm. OLS 1.9.1 tunnels upgrades before it
 * checks realms, so there they need no password; wsproxy asks for the context's credentials first.
 */
public final class RealmUpgradeCheck implements ModelCheck {

    @Override
    public void check(ServerConfig config, Diagnostics out) {
        for (VirtualHost vhost : config.virtualHosts()) {
            for (WebSocketRoute route : vhost.webSockets()) {
                contextOf(vhost, route).filter(c -> c.auth().isPresent()).ifPresent(context -> out.add(
                        Code.DIFFERS_FROM_OLS, route.span(),
                        "upgrades to `" + route.uri().text() + "` need the credentials of realm `"
                                + context.auth().get().realmName() + "` in wsproxy, not in OLS 1.9.1",
                        "Context `" + context.uri().text() + "` asks for a password; OLS tunnels upgrades before it"
                                + " checks realms, wsproxy answers 401 before it connects to the backend. Nothing to"
                                + " fix unless the WebSocket clients cannot send Basic credentials."));
            }
        }
    }

    /** The prefix context a plain websocket URI falls in (the longest that covers it); none for exp: routes. */
    private static Optional<Context> contextOf(VirtualHost vhost, WebSocketRoute route) {
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
