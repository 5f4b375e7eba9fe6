package dev.wsproxy.config.model;

import java.time.Duration;
import java.util.Optional;

/**
 * How a proxy extprocessor keeps its backend connections: at most {@code maxConns} at once, kept open between
 * requests when {@code persistConn} is on, and an idle one closed after {@code pcKeepAliveTimeout} (empty: never).
 */
public record PoolSettings(int maxConns, boolean persistConn, Optional<Duration> idleTimeout) {

    /** OLS's defaults: 5 connections, kept open, never closed for being idle. */
    public static final PoolSettings DEFAULT = new PoolSettings(5, true, Optional.empty());
}
