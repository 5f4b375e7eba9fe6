package dev.wsproxy.server.proxy;

import dev.wsproxy.server.exchange.AccessLogSink;
import dev.wsproxy.server.log.LogClock;
import dev.wsproxy.server.log.LogText;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
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
    private final String backend;
    private final long startNanos = System.nanoTime();

    UpgradeLog(AccessLogSink sink, HttpServerExchange exchange, String backend) {
        this.sink = sink;
        this.backend = backend;
        this.prefix = UpgradeRequest.clientIp(exchange) + " - - " + LogClock.now() + " \""
                + exchange.getRequestMethod() + " " + LogText.escaped(UpgradeRequest.rawUri(exchange)) + " "
                + exchange.getProtocol() + "\" ";
        this.refererAndUserAgent = " \"" + orDash(exchange.getRequestHeaders().getFirst(Headers.REFERER)) + "\" \""
                + orDash(exchange.getRequestHeaders().getFirst(Headers.USER_AGENT)) + "\"";
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
    }

    private static String orDash(String value) {
        return value == null ? "-" : LogText.escaped(value);
    }
}
