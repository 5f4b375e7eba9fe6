package dev.wsproxy.server.exchange;

/** Where finished requests and tunnels are logged, one line each. */
@FunctionalInterface
public interface AccessLogSink {

    void write(String line);
}
