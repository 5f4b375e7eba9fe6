package dev.wsproxy.server.log;

import dev.wsproxy.server.exchange.AccessLogSink;
import dev.wsproxy.server.exchange.UpgradeEnd;
import dev.wsproxy.server.metrics.VhostCounters;
import io.undertow.server.HttpServerExchange;

/**
 * Where one vhost's (or the server's) access-log lines go, the format of its request lines, and the vhost's
 * counters, which count what the lines record; a 5xx that wsproxy decides for an upgrade also gets an error-log
 * line that names the route, the backend and why.
 */
public record AccessLog(AccessLogSink sink, AccessLogFormat format, String vhost, VhostCounters counters,
                        ErrorLog errorLog) implements AccessLogSink {

    @Override
    public void write(String line) {
        sink.write(line);
    }

    public void request(HttpServerExchange exchange) {
        sink.write(format.line(exchange));
        counters.request(exchange.getStatusCode());
    }

    @Override
    public void tunnelOpened() {
        counters.tunnelOpened();
    }

    @Override
    public void upgradeEnded(UpgradeEnd end) {
        counters.request(end.status());
        if (end.status() == 101) {
            counters.tunnelClosed(end.fromClient(), end.toClient());
        }
        end.failure().ifPresent(failure -> {
            counters.backendFailed(failure);
            errorLog.limited(ErrorLog.Level.ERROR, vhost + " " + end.route() + " " + end.backend() + " " + failure,
                    "virtual host `" + vhost + "`, websocket `" + end.route() + "`: " + end.status() + ", backend "
                            + end.backend() + " failed (" + failure.label() + "): " + end.error());
        });
    }
}
