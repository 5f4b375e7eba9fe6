package dev.wsproxy.server.log;

import dev.wsproxy.server.exchange.UpgradeRouting;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.AttachmentKey;

/**
 * Writes one access-log line per finished request to the log of the vhost that took it (attached by the
 * vhost), or to the server's log for requests no vhost took.
 */
public final class AccessLogging implements HttpHandler {

    /** The access log of the vhost that took the current request. */
    public static final AttachmentKey<AccessLog> LOG = AttachmentKey.create(AccessLog.class);

    private final AccessLog serverLog;
    private final HttpHandler next;

    public AccessLogging(AccessLog serverLog, HttpHandler next) {
        this.serverLog = serverLog;
        this.next = next;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        exchange.addExchangeCompleteListener((finished, nextListener) -> {
            try {
                if (finished.getAttachment(UpgradeRouting.LOGGED_BY_TUNNEL) == null) {
                    AccessLog log = finished.getAttachment(LOG);
                    (log == null ? serverLog : log).request(finished);
                }
            } finally {
                nextListener.proceed();
            }
        });
        next.handleRequest(exchange);
    }
}
