package dev.wsproxy.cli;

import dev.wsproxy.server.WsproxyServer;
import dev.wsproxy.server.admin.Drainable;

/**
 * {@code POST /drain} as a graceful stop, the one wsproxy has: it wakes {@code serve} as SIGTERM does. The reload
 * work brings a drain that hands the listeners over; this class then gives way to it.
 */
record DrainByStopping(WsproxyServer server, StopSignals signals) implements Drainable {

    @Override
    public boolean serving() {
        return !signals.received() && server.serving();
    }

    @Override
    public void drain() {
        signals.stop();
    }
}
