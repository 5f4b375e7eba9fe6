package dev.wsproxy.server.metrics;

import java.util.Locale;

/** Why a WebSocket backend failed an upgrade: the {@code kind} label of the backend-error counter. */
public enum BackendFailure {
    /** No connection: refused, unreachable, a Unix socket that is not there. */
    CONNECT,
    /** No connection or no response head in time (504). */
    TIMEOUT,
    /** Connected, but the request could not be sent or the response head was missing, malformed or too large. */
    RESPONSE;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
