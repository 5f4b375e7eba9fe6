package dev.wsproxy.server;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.xnio.ChannelListener;
import org.xnio.StreamConnection;

/**
 * The connections the listeners accepted, HTTP and WebSocket alike, for a drain to wait on. A connection is counted
 * while its socket is open, whoever closes it: a tunnel replaces the close listeners Undertow set, so none of those
 * can be relied on to say when it ends.
 */
final class OpenConnections {

    /** Closed connections are swept out once every so many accepts, so that the set stays as large as what is open. */
    static final int SWEEP_EVERY = 256;

    private final Set<StreamConnection> connections = ConcurrentHashMap.newKeySet();
    private final AtomicInteger accepts = new AtomicInteger();

    /** {@code next}, counting each connection it is handed. */
    ChannelListener<StreamConnection> tracking(ChannelListener<StreamConnection> next) {
        return connection -> {
            connections.add(connection);
            if (accepts.incrementAndGet() % SWEEP_EVERY == 0) {
                sweep();
            }
            next.handleEvent(connection);
        };
    }

    /** How many of the accepted connections are still open. */
    int count() {
        sweep();
        return connections.size();
    }

    private void sweep() {
        connections.removeIf(connection -> !connection.isOpen());
    }
}
