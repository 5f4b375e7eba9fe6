package dev.wsproxy.server.proxy;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * One direction of a {@link SplicedTunnel}: copies what one leg reads to the other, unchanged. It reads into its
 * loop's buffer and holds a pooled buffer of its own only while the sink cannot take what was read; meanwhile it
 * reads no more, so a slow reader slows its writer instead of growing memory. End of input becomes a write
 * shutdown on the sink (half-close).
 */
final class Flow implements AbstractTunnel.Direction {

    /** How many buffers one turn may move before letting the other connections of the loop run. */
    private static final int BURST = 16;

    private final Leg source;
    private final Leg sink;
    private final TunnelLoop loop;
    private final HeldBytes unsent;
    private final AbstractTunnel tunnel;

    private boolean ended;
    private boolean finished;
    private long bytes;

    Flow(Leg source, Leg sink, TunnelLoop loop, AbstractTunnel tunnel) {
        this.source = source;
        this.sink = sink;
        this.loop = loop;
        this.unsent = new HeldBytes(loop.heldBuffers());
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
            unsent.keep(early);
        }
    }

    @Override
    public long bytes() {
        return bytes;
    }

    @Override
    public boolean finished() {
        return finished;
    }

    /** Moves what it can now; the loop calls it again when an event says more can move. */
    void run() {
        if (finished || tunnel.over()) {
            return;
        }
        try {
            if (unsent.bytes() != null && !sendUnsent()) {
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
        ByteBuffer held = unsent.bytes();
        sink.write(held);
        if (held.hasRemaining()) {
            sink.writable = false;
            return false;
        }
        unsent.release();
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
            int n = source.read(buffer);
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
            sink.write(buffer);
            if (buffer.hasRemaining()) {
                unsent.copy(buffer);
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

    private void finish() throws IOException {
        finished = true;
        sink.shutdownOutput();
        tunnel.directionFinished();
    }

    @Override
    public void release() {
        unsent.release();
    }
}
