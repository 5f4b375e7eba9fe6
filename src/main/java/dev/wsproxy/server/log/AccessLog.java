package dev.wsproxy.server.log;

import dev.wsproxy.server.exchange.AccessLogSink;
import io.undertow.server.HttpServerExchange;

/** Where one vhost's (or the server's) access-log lines go, and the format of its request lines. */
public record AccessLog(AccessLogSink sink, AccessLogFormat format) implements AccessLogSink {

    @Override
    public void write(String line) {
        sink.write(line);
    }

    public void request(HttpServerExchange exchange) {
        sink.write(format.line(exchange));
    }
}
