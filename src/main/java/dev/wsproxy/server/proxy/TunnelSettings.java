package dev.wsproxy.server.proxy;

import java.time.Duration;

/**
 * How long an upgrade may wait for its backend: to connect, then to answer with a response head (either running
 * out gives the client a 504); and whether a tunnel between two plain sockets is spliced on wsproxy's own epoll
 * loops ({@link SplicedTunnel}) or driven by XNIO, as tunnels of TLS clients always are ({@link Tunnel}).
 */
record TunnelSettings(Duration connectTimeout, Duration responseTimeout, boolean splice) {

    /** 10 s to connect (as nginx's {@code proxy_connect_timeout} default of 60 s is far too patient for a WebSocket
     * handshake), 30 s for the backend's answer, and splicing wherever it can. */
    static final TunnelSettings DEFAULT = new TunnelSettings(Duration.ofSeconds(10), Duration.ofSeconds(30), true);

    /** These settings with every tunnel on XNIO: what a JVM that keeps epoll from wsproxy gets. */
    TunnelSettings onXnio() {
        return new TunnelSettings(connectTimeout, responseTimeout, false);
    }
}
