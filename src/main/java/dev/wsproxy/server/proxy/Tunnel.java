package dev.wsproxy.server.proxy;

import io.undertow.connector.ByteBufferPool;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import org.xnio.IoUtils;
import org.xnio.StreamConnection;

/**
 * An established WebSocket tunnel driven by XNIO, that of a TLS client (a plain one is a {@link SplicedTunnel}):
 * two {@link Direction}s between the client's and the backend's {@link XnioEndpoint}, both driven by the client's
 * I/O thread. It ends when both directions have ended, or at once when either side fails, closes, or stays idle past
 * the route's idle timeout; then both connections are closed and the access-log line written.
 */
final class Tunnel extends AbstractTunnel {

    private final StreamConnection client;
    private final StreamConnection backend;
    private final ByteBuffer early;

    Tunnel(StreamConnection client, StreamConnection backend, ByteBuffer early,
           ByteBufferPool pool, Duration idleTimeout, UpgradeLog log) {
        super(idleTimeout, client.getIoThread(), client.getIoThread(), log);
        this.client = client;
        this.backend = backend;
        this.early = early;
        connect(new XnioEndpoint(client), new XnioEndpoint(backend),
                ReadBuffer.ofThisThread(pool.getBufferSize()), pool);
    }

    void start() {
        keepAlive(client);
        onClose(client);
        onClose(backend);
        opened();
        startIdleTimeout();
        down().start(early, false);
        down().run();
        up().run();
    }

    /** XNIO 3.8 merges close listeners, and runs one at once when the connection is already closed. */
    private void onClose(StreamConnection connection) {
        connection.setCloseListener(closed -> {
            try {
                client.getIoThread().execute(() -> end(null));
            } catch (RejectedExecutionException e) {
                // the server is shutting down and its I/O thread with it: end here
                end(null);
            }
        });
    }

    @Override
    void closeConnections() {
        IoUtils.safeClose(client, backend);
    }
}
