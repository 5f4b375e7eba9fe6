package dev.wsproxy.config.lint.check;

import dev.wsproxy.config.ast.Block;
import dev.wsproxy.config.ast.Directive;
import dev.wsproxy.config.diag.Code;
import dev.wsproxy.config.diag.Diagnostics;
import dev.wsproxy.config.schema.Scope;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * WSP314: a proxy context with no websocket block at or above its URI in the same vhost. Upgrades under it
 * are proxied as plain HTTP and never reach the app (the classic "socket.io/cable fails behind OLS").
 * It reads directives, so it works on a lone vhost file whose extprocessor lives in the server config.
 */
public final class ProxyWithoutWebSocketCheck implements DirectiveCheck {

    @Override
    public Set<Code> codes() {
        return Set.of(Code.PROXY_WITHOUT_WEBSOCKET);
    }

    @Override
    public void body(Scope scope, List<Directive> body, Diagnostics out) {
        if (!scope.isVhostBody()) {
            return;
        }
        Block vhost = Block.of(body);
        List<String> webSockets = vhost.all("websocket").stream().map(ws -> Block.nameOf(ws, "uri"))
                .flatMap(Optional::stream).filter(uri -> uri.startsWith("/")).toList();
        for (Directive context : vhost.all("context")) {
            Optional<String> uri = Block.nameOf(context, "uri").filter(u -> u.startsWith("/"));
            boolean proxy = Block.of(context).value("type").filter(t -> t.equalsIgnoreCase("proxy")).isPresent();
            if (proxy && uri.isPresent() && webSockets.stream().noneMatch(ws -> covers(ws, uri.get()))) {
                out.add(Code.PROXY_WITHOUT_WEBSOCKET, context.span(), "proxy context `" + uri.get()
                                + "` has no websocket block",
                        "WebSocket upgrades to it are proxied as plain HTTP and fail. If the app uses WebSockets,"
                                + " add `websocket " + uri.get() + " { address <the app's host:port> }`.");
            }
        }
    }

    private static boolean covers(String webSocket, String path) {
        String base = webSocket.endsWith("/") ? webSocket : webSocket + "/";
        String target = path.endsWith("/") ? path : path + "/";
        return target.startsWith(base);
    }
}
