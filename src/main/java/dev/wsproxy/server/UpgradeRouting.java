package dev.wsproxy.server;

import dev.wsproxy.config.model.VirtualHost;
import io.undertow.server.HttpHandler;

/**
 * Puts a vhost's WebSocket routes in front of its plain-request handler. The server calls it once per
 * vhost, after the vhost and context access checks, so an upgrade that matches a route becomes a tunnel and
 * everything else reaches {@code next}.
 */
@FunctionalInterface
public interface UpgradeRouting {

    HttpHandler wrap(VirtualHost vhost, AccessLogSink accessLog, HttpHandler next);

    /** No WebSocket routing: every request goes to {@code next}. */
    UpgradeRouting NONE = (vhost, accessLog, next) -> next;
}
