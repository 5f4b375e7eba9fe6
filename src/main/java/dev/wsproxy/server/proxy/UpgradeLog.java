package dev.wsproxy.server.proxy;

import dev.wsproxy.config.model.WebSocketRoute;
import dev.wsproxy.server.exchange.AccessLogSink;
import dev.wsproxy.server.exchange.UpgradeEnd;
import dev.wsproxy.server.log.LogClock;
import dev.wsproxy.server.log.LogText;
import dev.wsproxy.server.metrics.BackendFailure;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.StatusCodes;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The access-log line of one upgrade, written once when the upgrade ends: the combined log format (status 101, or
 * the 400/502/504/backend status; bytes sent to the client) followed by {@code ws backend=… from_client=…
 * to_client=… ms=…} and, for a failure, {@code error="…"}.
 */
final class UpgradeLog {

    private final AccessLogSink sink;
    private final String prefix;
    private final String refererAndUserAgent;
    private final String route;
    private final String backend;
    private final long startNanos = System.nanoTime();
    private boolean connected;

    UpgradeLog(AccessLogSink sink, HttpServerExchange exchange, WebSocketRoute route) {
        this.sink = sink;
        this.route = route.uri().text();
        this.backend = route.backend().text();
        this.prefix = UpgradeRequest.clientIp(exchange) + " - - " + LogClock.now() + " \""
                + exchange.getRequestMethod() + " " + LogText.escaped(UpgradeRequest.rawUri(exchange)) + " "
                + exchange.getProtocol() + "\" ";
        this.refererAndUserAgent = " \"" + orDash(exchange.getRequestHeaders().getFirst(Headers.REFERER)) + "\" \""
                + orDash(exchange.getRequestHeaders().getFirst(Headers.USER_AGENT)) + "\"";
    }

    /** The backend accepted the connection: a 502 from now on is the backend's response, not the connect. */
    void backendConnected() {
        connected = true;
    }

    void tunnelOpened() {
        sink.tunnelOpened();
    }

    void write(int status, long fromClient, long toClient, String error) {
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
        StringBuilder line = new StringBuilder(prefix).append(status).append(' ').append(toClient)
                .append(refererAndUserAgent)
                .append(" ws backend=").append(backend)
                .append(" from_client=").append(fromClient)
                .append(" to_client=").append(toClient)
                .append(" ms=").append(millis);
        if (error != null) {
            line.append(" error=\"").append(error.replace('"', '\'')).append('"');
        }
        sink.write(line.toString());
        sink.upgradeEnded(new UpgradeEnd(route, backend, status, fromClient, toClient, failure(status, error), error));
    }

    /** A 502 or 504 that wsproxy decided (with a reason), not one the backend sent. */
    private Optional<BackendFailure> failure(int status, String error) {
        if (error == null) {
            return Optional.empty();
        }
        return switch (status) {
            case StatusCodes.GATEWAY_TIME_OUT -> Optional.of(BackendFailure.TIMEOUT);
            case StatusCodes.BAD_GATEWAY -> Optional.of(connected ? BackendFailure.RESPONSE : BackendFailure.CONNECT);
            default -> Optional.empty();
        };
    }

    private static String orDash(String value) {
        return value == null ? "-" : LogText.escaped(value);
    }
}
