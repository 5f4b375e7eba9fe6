package dev.wsproxy.server.proxy;

import io.undertow.connector.ByteBufferPool;
import io.undertow.connector.PooledByteBuffer;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * One direction of a {@link SplicedTunnel}: copies what one leg reads to the other, unchanged. It reads into its
 * loop's buffer and holds a pooled buffer of its own only while the sink cannot take what was read; meanwhile it
 * reads no more, so a slow reader slows its writer instead of growing memory. End of input becomes a write
 * shutdown on the sink (half-close).
 */
final class Flow {

    /** How many buffers one turn may move before letting the other connections of the loop run. */
    private static final int BURST = 16;

    private final Leg source;
    private final Leg sink;
    private final TunnelLoop loop;
    private final ByteBufferPool pool;
    private final SplicedTunnel tunnel;

    private ByteBuffer unsent;
    private PooledByteBuffer unsentOwner;
    private boolean ended;
    private boolean finished;
    private long bytes;

    Flow(Leg source, Leg sink, TunnelLoop loop, ByteBufferPool pool, SplicedTunnel tunnel) {
        this.source = source;
        this.sink = sink;
        this.loop = loop;
        this.pool = pool;
        this.tunnel = tunnel;
    }

    /**
     * Starts with {@code early}, bytes read from the source before the tunnel existed, to send first.
     *
     * @param sourceEnded whether the source had already ended its input then
     */
    void start(ByteBuffer early, boolean sourceEnded) {
        ended = sourceEnded;
        if (early.hasRemaining()) {
            bytes += early.remaining();
            unsent = early;
        }
    }

    long bytes() {
        return bytes;
    }

    boolean finished() {
        return finished;
    }

    /** Moves what it can now; the loop calls it again when an event says more can move. */
    void run() {
        if (finished || tunnel.over()) {
            return;
        }
        try {
            if (unsent != null && !sendUnsent()) {
                return;
            }
            if (ended) {
                finish();
                return;
            }
            copy();
        } catch (IOException e) {
            tunnel.abort(e);
        }
    }

    private boolean sendUnsent() throws IOException {
        if (!sink.writable) {
            return false;
        }
        sink.channel().write(unsent);
        if (unsent.hasRemaining()) {
            sink.writable = false;
            return false;
        }
        release();
        tunnel.touch();
        return true;
    }

    private void copy() throws IOException {
        ByteBuffer buffer = loop.readBuffer();
        for (int i = 0; i < BURST; i++) {
            if (!source.readable) {
                return;
            }
            buffer.clear();
            int n = source.channel().read(buffer);
            if (n < 0) {
                ended = true;
                finish();
                return;
            }
            if (n == 0) {
                source.readable = false;
                return;
            }
            bytes += n;
            tunnel.touch();
            buffer.flip();
            sink.channel().write(buffer);
            if (buffer.hasRemaining()) {
                hold(buffer);
                sink.writable = false;
                return;
            }
            if (n < buffer.capacity() && !source.inputEnding) {
                // a short read emptied the socket: edge-triggered epoll reports whatever comes next, except the end
                // of input when its event came with these bytes
                source.readable = false;
                return;
            }
        }
        loop.again(this);
    }

    /** Keeps what the sink did not take in a pooled buffer of its own: the read buffer is the loop's. */
    private void hold(ByteBuffer rest) {
        unsentOwner = pool.allocate();
        unsent = unsentOwner.getBuffer();
        unsent.clear();
        unsent.put(rest).flip();
    }

    private void finish() throws IOException {
        finished = true;
        sink.channel().shutdownOutput();
        tunnel.flowFinished();
    }

    /** Gives the held buffer back; called when the data went out, and when the tunnel ends. */
    void release() {
        unsent = null;
        if (unsentOwner != null) {
            unsentOwner.close();
            unsentOwner = null;
        }
    }
}
