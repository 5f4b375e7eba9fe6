package dev.wsproxy.server.proxy;

import dev.wsproxy.server.platform.XnioChannels;
import io.undertow.connector.ByteBufferPool;
import io.undertow.connector.PooledByteBuffer;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.xnio.IoUtils;
import org.xnio.StreamConnection;

/**
 * An established WebSocket tunnel between two plain sockets, driven by a {@link TunnelLoop} rather than by XNIO:
 * XNIO keeps both connections (and closes them at the end) but watches neither while the tunnel lives. Its
 * behaviour is {@link Tunnel}'s, the same two {@link Direction}s between two {@link Leg}s: half-close, an end when
 * both directions have ended or at once when either side fails, closes or stays idle past the route's idle timeout,
 * and one access-log line.
 */
final class SplicedTunnel extends AbstractTunnel {

    /** How long a connection closed from outside waits for its tunnel to end on the loop. */
    private static final int CLOSE_WAIT_SECONDS = 2;

    private final StreamConnection client;
    private final StreamConnection backend;
    private final TunnelLoop loop;
    private final Leg clientLeg;
    private final Leg backendLeg;

    private SplicedTunnel(StreamConnection client, SocketChannel clientChannel, StreamConnection backend,
                          SocketChannel backendChannel, TunnelLoop loop, Duration idleTimeout,
                          UpgradeLog log) {
        super(idleTimeout, client.getIoThread(), task -> loop.execute(task, () -> { }), log);
        this.client = client;
        this.backend = backend;
        this.loop = loop;
        this.clientLeg = new Leg(clientChannel, loop, this);
        this.backendLeg = new Leg(backendChannel, loop, this);
        connect(clientLeg, backendLeg, loop.readBuffer(), loop.heldBuffers());
    }

    /**
     * Takes both connections from XNIO and starts the tunnel on the loop beside the client's I/O thread; call it on
     * that thread.
     *
     * @param early bytes the backend sent after its 101, for the client
     * @return false, having touched nothing, when a connection is not a plain socket or this JVM keeps epoll from
     *         wsproxy; the caller then makes a {@link Tunnel}
     */
    static boolean start(StreamConnection client, StreamConnection backend, ByteBuffer early, ByteBufferPool pool,
                         Duration idleTimeout, UpgradeLog log) {
        Optional<SocketChannel> clientChannel = XnioChannels.channelOf(client);
        Optional<SocketChannel> backendChannel = XnioChannels.channelOf(backend);
        Optional<TunnelLoop> loop = TunnelLoop.beside(client.getIoThread());
        if (clientChannel.isEmpty() || backendChannel.isEmpty() || loop.isEmpty()) {
            return false;
        }
        SplicedTunnel tunnel = new SplicedTunnel(client, clientChannel.get(), backend, backendChannel.get(),
                loop.get(), idleTimeout, log);
        tunnel.takeOver(early, pool);
        return true;
    }

    /**
     * Reads once through the client's XNIO channel, which gives first any bytes Undertow read past the request
     * head (at most one pooled buffer, the size read here), then leaves both connections to the loop.
     */
    private void takeOver(ByteBuffer early, ByteBufferPool pool) {
        keepAlive(client);
        PooledByteBuffer fromClient = pool.allocate();
        ByteBuffer clientEarly = fromClient.getBuffer();
        int n;
        try {
            n = client.getSourceChannel().read(clientEarly.clear());
        } catch (IOException e) {
            fromClient.close();
            abort(e);
            return;
        }
        ByteBuffer upEarly = ByteBuffer.allocate(Math.max(n, 0)).put(clientEarly.flip()).flip();
        fromClient.close();
        leaveXnio(client);
        leaveXnio(backend);
        onClose(client);
        onClose(backend);
        up().start(upEarly, n < 0);
        down().start(early, false);
        loop.execute(this::register, () -> end("the server is stopping"));
        opened();
    }

    /** XNIO stops watching a connection whose reads and writes are both suspended: its selector drops the socket. */
    private static void leaveXnio(StreamConnection connection) {
        connection.getSourceChannel().getReadSetter().set(null);
        connection.getSinkChannel().getWriteSetter().set(null);
        connection.getSourceChannel().suspendReads();
        connection.getSinkChannel().suspendWrites();
    }

    /**
     * Ends the tunnel when something else closes one of its connections, and waits (on that closer's thread) until
     * it has: a stopping server closes every connection and then its logs, and each tunnel's access-log line must
     * be written in between. XNIO 3.8 merges close listeners, and runs one at once when the connection is already
     * closed.
     */
    private void onClose(StreamConnection connection) {
        connection.setCloseListener(closed -> {
            if (ended()) {
                return;
            }
            CompletableFuture<Void> ended = new CompletableFuture<>();
            Runnable end = () -> {
                end(null);
                ended.complete(null);
            };
            loop.execute(end, end);
            try {
                ended.get(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                // the loop is stuck or gone; the connection is closed either way
            }
        });
    }

    private void register() {
        if (ended()) {
            return;
        }
        try {
            loop.watch(clientLeg);
            loop.watch(backendLeg);
        } catch (IOException e) {
            abort(e);
            return;
        }
        startIdleTimeout();
        down().run();
        up().run();
    }

    /** Stops watching both sockets, and has XNIO close both connections on the client's I/O thread. */
    @Override
    void closeConnections() {
        loop.forget(clientLeg);
        loop.forget(backendLeg);
        try {
            client.getIoThread().execute(() -> IoUtils.safeClose(client, backend));
        } catch (RejectedExecutionException e) {
            IoUtils.safeClose(client, backend);
        }
    }
}
