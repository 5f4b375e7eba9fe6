package dev.wsproxy.server;

/** Where finished requests and tunnels are logged, one line each. */
@FunctionalInterface
public interface AccessLogSink {

    void write(String line);
}
