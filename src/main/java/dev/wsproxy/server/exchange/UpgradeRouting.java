package dev.wsproxy.server.exchange;

import dev.wsproxy.config.model.VirtualHost;
import io.undertow.server.HttpHandler;
import io.undertow.util.AttachmentKey;

/**
 * Puts a vhost's WebSocket routes in front of its plain-request handler. The server calls it once per
 * vhost, after the vhost and context access checks, so an upgrade that matches a route becomes a tunnel and
 * everything else reaches {@code next}.
 */
@FunctionalInterface
public interface UpgradeRouting {

    HttpHandler wrap(VirtualHost vhost, AccessLogSink accessLog, HttpHandler next);

    /**
     * Marks an exchange whose access-log line the upgrade routing writes itself, when its tunnel ends (with bytes
     * and duration); the server's access log skips such exchanges so each upgrade is logged once.
     */
    AttachmentKey<Boolean> LOGGED_BY_TUNNEL = AttachmentKey.create(Boolean.class);

    /** No WebSocket routing: every request goes to {@code next}. */
    UpgradeRouting NONE = (vhost, accessLog, next) -> next;
}
