package dev.wsproxy.server.proxy;

import dev.wsproxy.config.model.WebSocketRoute;
import dev.wsproxy.server.exchange.AccessLogSink;
import dev.wsproxy.server.exchange.Outcome;
import dev.wsproxy.server.exchange.Trace;
import dev.wsproxy.server.exchange.UpgradeRouting;
import dev.wsproxy.server.http.Responses;
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
            Trace.of(exchange).reason(defect);
            Responses.end(exchange, StatusCodes.BAD_REQUEST);
            log.write(StatusCodes.BAD_REQUEST, 0, 0, defect);
            return;
        }
        if (Trace.of(exchange).explaining()) {
            Trace.of(exchange).finish(Outcome.tunnel(route.backend().text()));
            return;
        }
        new Handshake(exchange, connector, settings, route.idleTimeout(), log).start();
    }
}
