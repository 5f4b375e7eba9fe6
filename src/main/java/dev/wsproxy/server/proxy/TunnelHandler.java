package dev.wsproxy.server.proxy;

import dev.wsproxy.config.model.WebSocketRoute;
import dev.wsproxy.server.AccessLogSink;
import dev.wsproxy.server.UpgradeRouting;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.StatusCodes;

/** Turns upgrade requests for one {@code websocket} route into tunnels to that route's backend. */
final class TunnelHandler implements HttpHandler {

    private final WebSocketRoute route;
    private final BackendConnector connector;
    private final TunnelSettings settings;
    private final AccessLogSink accessLog;

    TunnelHandler(WebSocketRoute route, TunnelSettings settings, AccessLogSink accessLog) {
        this.route = route;
        this.connector = BackendConnector.of(route.backend());
        this.settings = settings;
        this.accessLog = accessLog;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        exchange.putAttachment(UpgradeRouting.LOGGED_BY_TUNNEL, true);
        UpgradeLog log = new UpgradeLog(accessLog, exchange, route);
        String defect = UpgradeRequest.defect(exchange);
        if (defect != null) {
            exchange.setStatusCode(StatusCodes.BAD_REQUEST);
            exchange.endExchange();
            log.write(StatusCodes.BAD_REQUEST, 0, 0, defect);
            return;
        }
        new Handshake(exchange, connector, settings, route.idleTimeout(), log).start();
    }
}
