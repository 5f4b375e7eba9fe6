package dev.wsproxy.server.proxy;

import io.undertow.connector.ByteBufferPool;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.xnio.IoUtils;
import org.xnio.Options;
import org.xnio.StreamConnection;
import org.xnio.XnioExecutor;

/**
 * An established WebSocket tunnel: two {@link Pump}s between the client and the backend connection, both driven by
 * the client's I/O thread. It ends when both directions have ended, or at once when either side fails, closes,
 * or stays idle past the route's idle timeout; then both connections are closed and the access-log line written.
 */
final class Tunnel {

    private final StreamConnection client;
    private final StreamConnection backend;
    private final ByteBuffer early;
    private final Pump up;
    private final Pump down;
    private final Duration idleTimeout;
    private final UpgradeLog log;

    private long lastActivity = System.nanoTime();
    private XnioExecutor.Key idleTimer;
    private boolean over;

    /** @param clientOverTls whether the client connection is TLS (wss), which changes how its reads end */
    Tunnel(StreamConnection client, boolean clientOverTls, StreamConnection backend, ByteBuffer early,
           ByteBufferPool pool, Duration idleTimeout, UpgradeLog log) {
        this.client = client;
        this.backend = backend;
        this.early = early;
        this.idleTimeout = idleTimeout;
        this.log = log;
        this.up = new Pump(client.getSourceChannel(), backend.getSinkChannel(), pool, this, !clientOverTls);
        this.down = new Pump(backend.getSourceChannel(), client.getSinkChannel(), pool, this, true);
    }

    void start() {
        try {
            client.setOption(Options.KEEP_ALIVE, true);
        } catch (IOException | IllegalArgumentException e) {
            // keepalive is a safety net; a connection that cannot have it still works
        }
        onClose(client);
        onClose(backend);
        if (!idleTimeout.isZero()) {
            scheduleIdleCheck(idleTimeout.toNanos());
        }
        down.start(early);
        up.start(ByteBuffer.allocate(0));
    }

    /** Notes traffic, which postpones the idle timeout; without one, it saves reading the clock per message. */
    void touch() {
        if (!idleTimeout.isZero()) {
            lastActivity = System.nanoTime();
        }
    }

    void pumpFinished() {
        if (up.finished() && down.finished()) {
            end(null);
        }
    }

    void abort(IOException cause) {
        end(cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage());
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

    private void scheduleIdleCheck(long delayNanos) {
        idleTimer = client.getIoThread().executeAfter(this::checkIdle, delayNanos, TimeUnit.NANOSECONDS);
    }

    private void checkIdle() {
        long idle = System.nanoTime() - lastActivity;
        long limit = idleTimeout.toNanos();
        if (idle >= limit) {
            end("idle for " + idleTimeout.toSeconds() + " s");
        } else {
            scheduleIdleCheck(limit - idle);
        }
    }

    private void end(String error) {
        if (over) {
            return;
        }
        over = true;
        if (idleTimer != null) {
            idleTimer.remove();
        }
        IoUtils.safeClose(client, backend);
        up.release();
        down.release();
        log.write(101, up.bytes(), down.bytes(), error);
    }
}
