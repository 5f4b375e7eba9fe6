package dev.wsproxy.server.proxy;

import java.time.Duration;

/**
 * How long an upgrade may wait for its backend: to connect, then to answer with a response head. Either running
 * out gives the client a 504.
 */
record TunnelSettings(Duration connectTimeout, Duration responseTimeout) {

    /** 10 s to connect (as nginx's {@code proxy_connect_timeout} default of 60 s is far too patient for a WebSocket
     * handshake), and 30 s for the backend's answer. */
    static final TunnelSettings DEFAULT = new TunnelSettings(Duration.ofSeconds(10), Duration.ofSeconds(30));
}
