package dev.wsproxy.server.proxy;

import io.undertow.connector.ByteBufferPool;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.xnio.Options;
import org.xnio.StreamConnection;
import org.xnio.XnioIoThread;
import org.xnio.XnioWorker;

/**
 * What the two kinds of tunnel share: two directions, the idle timeout, the closing handshake of a stopping server,
 * and the end, which comes once, when both directions have finished or at the first failure, and writes the
 * tunnel's access-log line.
 */
abstract class AbstractTunnel implements OpenTunnels.Tunnel {

    private final IdleTimeout idle;
    private final XnioWorker worker;
    private final Executor tunnelThread;
    private final UpgradeLog log;
    private Direction up;
    private Direction down;
    /** Volatile: a connection closed from outside reads it on XNIO's thread. */
    private volatile boolean over;
    private boolean goingAway;

    /**
     * @param timers       the I/O thread whose timer queue times the idle timeout
     * @param tunnelThread runs a task on the thread this tunnel runs on
     */
    AbstractTunnel(Duration idleTimeout, XnioIoThread timers, Executor tunnelThread, UpgradeLog log) {
        this.idle = new IdleTimeout(idleTimeout, timers, tunnelThread, this::end);
        this.worker = timers.getWorker();
        this.tunnelThread = tunnelThread;
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

    /** A stopping server will find the tunnel from now on; call before anything else is sent to its thread. */
    final void opened() {
        OpenTunnels.opened(worker, this);
        if (over) {
            // it ended on its own thread meanwhile, and may have missed the note above
            OpenTunnels.ended(worker, this);
        }
    }

    final void startIdleTimeout() {
        idle.start();
    }

    @Override
    public final boolean ended() {
        return over;
    }

    @Override
    public final void goAway() {
        onTunnelThread(() -> {
            if (over || goingAway) {
                return;
            }
            goingAway = true;
            up.goAway(CloseFrames.goingAwayToBackend());
            down.goAway(CloseFrames.goingAwayToClient());
            directionAnswered();
            up.run();
            down.run();
        });
    }

    @Override
    public final void cutOff(String why) {
        onTunnelThread(() -> end(why));
    }

    /** Runs {@code task} on the tunnel's thread; where that has stopped, the tunnel has ended with it. */
    private void onTunnelThread(Runnable task) {
        try {
            tunnelThread.execute(task);
        } catch (RejectedExecutionException e) {
            // the I/O thread is stopping, and closes the tunnel's connections as it goes
        }
    }

    /** One direction has done its part of the closing handshake; the tunnel ends when both have. */
    final void directionAnswered() {
        if (up.answered() && down.answered()) {
            end("server stopping: closed with 1001 (going away)");
        }
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
        OpenTunnels.ended(worker, this);
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
