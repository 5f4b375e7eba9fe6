package dev.wsproxy.server.exchange;

/** Where finished requests and tunnels are logged, one line each, and counted. */
@FunctionalInterface
public interface AccessLogSink {

    void write(String line);

    /** A WebSocket upgrade got 101 and its tunnel is open; {@link #upgradeEnded} follows when it closes. */
    default void tunnelOpened() {
    }

    /** A WebSocket upgrade has ended (after its access-log line): refused, failed, answered without 101, or closed. */
    default void upgradeEnded(UpgradeEnd end) {
    }
}
