package dev.wsproxy.server.proxy;

import dev.wsproxy.config.model.VirtualHost;
import dev.wsproxy.server.exchange.AccessLogSink;
import dev.wsproxy.server.exchange.UpgradeRouting;
import io.undertow.server.HttpHandler;

/**
 * The WebSocket proxy as the server sees it: for each vhost with {@code websocket} blocks, a router that tunnels
 * matching upgrades to their backends (TCP or Unix socket) and passes everything else on.
 */
public final class WebSocketRouting implements UpgradeRouting {

    private final TunnelSettings settings;

    public WebSocketRouting() {
        this(TunnelSettings.DEFAULT);
    }

    WebSocketRouting(TunnelSettings settings) {
        this.settings = settings;
    }

    @Override
    public HttpHandler wrap(VirtualHost vhost, AccessLogSink accessLog, HttpHandler next) {
        if (vhost.webSockets().isEmpty()) {
            return next;
        }
        return new UpgradeRouter(vhost.webSockets(), settings, accessLog, next);
    }
}
