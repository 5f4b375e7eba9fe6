package dev.wsproxy.config.lint.check;

import dev.wsproxy.config.diag.Code;
import dev.wsproxy.config.diag.Diagnostics;
import dev.wsproxy.config.lint.ModelCheck;
import dev.wsproxy.config.model.BackendAddress;
import dev.wsproxy.config.model.Context;
import dev.wsproxy.config.model.ContextUri;
import dev.wsproxy.config.model.ServerConfig;
import dev.wsproxy.config.model.VirtualHost;
import dev.wsproxy.config.model.WebSocketRoute;

/**
 * WSP314: a proxy context with no websocket block at or above its URI. Upgrades under it are handled as
 * plain HTTP and never reach the app, the classic "socket.io/cable fails behind OLS" report.
 */
public final class ProxyWithoutWebSocketCheck implements ModelCheck {

    @Override
    public void check(ServerConfig config, Diagnostics out) {
        for (VirtualHost vh : config.virtualHosts()) {
            for (Context c : vh.contexts()) {
                if (c instanceof Context.Proxy proxy && proxy.uri() instanceof ContextUri.Prefix prefix
                        && vh.webSockets().stream().noneMatch(ws -> covers(ws, prefix.path()))) {
                    out.add(Code.PROXY_WITHOUT_WEBSOCKET, c.span(), "proxy context `" + prefix.path()
                                    + "` has no websocket block",
                            "WebSocket upgrades to it are proxied as plain HTTP and fail. If the app uses WebSockets,"
                                    + " add `websocket " + prefix.path() + " { address "
                                    + address(proxy.handler().address()) + " }`.");
                }
            }
        }
    }

    private static String address(BackendAddress backend) {
        if (backend instanceof BackendAddress.Tcp tcp) {
            return (tcp.host().indexOf(':') >= 0 ? "[" + tcp.host() + "]" : tcp.host()) + ":" + tcp.port();
        }
        return ((BackendAddress.Unix) backend).path().toString();
    }

    private static boolean covers(WebSocketRoute ws, String path) {
        if (!(ws.uri() instanceof ContextUri.Prefix p)) {
            return false;
        }
        String base = p.path().endsWith("/") ? p.path() : p.path() + "/";
        String target = path.endsWith("/") ? path : path + "/";
        return target.startsWith(base);
    }
}
