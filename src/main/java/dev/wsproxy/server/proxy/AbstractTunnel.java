package dev.wsproxy.server.proxy;

import io.undertow.connector.ByteBufferPool;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.Executor;
import org.xnio.Options;
import org.xnio.StreamConnection;
import org.xnio.XnioIoThread;

/**
 * What the two kinds of tunnel share: two directions, the idle timeout, and the end, which comes once, when both
 * directions have finished or at the first failure, and writes the tunnel's access-log line.
 */
abstract class AbstractTunnel {

    private final IdleTimeout idle;
    private final UpgradeLog log;
    private Direction up;
    private Direction down;
    /** Volatile: a connection closed from outside reads it on XNIO's thread. */
    private volatile boolean over;

    /**
     * @param timers       the I/O thread whose timer queue times the idle timeout
     * @param tunnelThread runs a task on the thread this tunnel runs on
     */
    AbstractTunnel(Duration idleTimeout, XnioIoThread timers, Executor tunnelThread, UpgradeLog log) {
        this.idle = new IdleTimeout(idleTimeout, timers, tunnelThread, this::end);
        this.log = log;
    }

    /**
     * Joins the client's and the backend's socket by two directions, which read into {@code readBuffer} and hold
     * what a sink cannot take in buffers of {@code held}.
     */
    final void connect(Endpoint client, Endpoint backend, ByteBuffer readBuffer, ByteBufferPool held) {
        up = new Direction(client, backend, readBuffer, new HeldBytes(held), this);
        down = new Direction(backend, client, readBuffer, new HeldBytes(held), this);
        client.connect(up, down);
        backend.connect(down, up);
    }

    /** The direction from the client to the backend. */
    final Direction up() {
        return up;
    }

    /** The direction from the backend to the client. */
    final Direction down() {
        return down;
    }

    final void startIdleTimeout() {
        idle.start();
    }

    final boolean over() {
        return over;
    }

    /** Bytes moved; postpones the idle timeout. */
    final void touch() {
        idle.touch();
    }

    /** One direction has passed on its end of input; the tunnel ends when both have. */
    final void directionFinished() {
        if (up.finished() && down.finished()) {
            end(null);
        }
    }

    final void abort(IOException cause) {
        end(cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage());
    }

    /** Ends the tunnel at once, both connections closed; {@code error} goes to the access log, null for none. */
    final void end(String error) {
        if (over) {
            return;
        }
        over = true;
        idle.cancel();
        closeConnections();
        up.release();
        down.release();
        log.write(101, up.bytes(), down.bytes(), error);
    }

    /** Closes both connections, on the tunnel's thread. */
    abstract void closeConnections();

    /** Turns TCP keepalive on for the client's leg; the backend connectors turn it on for theirs. */
    static void keepAlive(StreamConnection client) {
        try {
            client.setOption(Options.KEEP_ALIVE, true);
        } catch (IOException | IllegalArgumentException e) {
            // keepalive is a safety net; a connection that cannot have it still works
        }
    }
}
