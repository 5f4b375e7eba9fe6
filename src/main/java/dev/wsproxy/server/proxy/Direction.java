package dev.wsproxy.server.proxy;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * One direction of a tunnel: copies what one {@link Endpoint} reads to the other, unchanged, whichever engine
 * drives the two. It reads into a buffer its engine shares between the tunnels of a thread, and holds a pooled
 * buffer of its own only while the sink cannot take what was read; meanwhile it reads no more, so a slow reader
 * slows its writer instead of growing memory. End of input becomes a write shutdown on the sink (half-close).
 */
final class Direction {

    /** How many buffers one turn may move before letting the other connections of the thread run. */
    private static final int BURST = 16;

    private final Endpoint source;
    private final Endpoint sink;
    private final ByteBuffer readBuffer;
    private final HeldBytes unsent;
    private final AbstractTunnel tunnel;

    private boolean ended;
    private boolean outputShut;
    private boolean finished;
    private boolean waitingForSink;
    private long bytes;

    /** @param readBuffer the direct buffer it reads into, shared with the directions its thread runs one at a time */
    Direction(Endpoint source, Endpoint sink, ByteBuffer readBuffer, HeldBytes unsent, AbstractTunnel tunnel) {
        this.source = source;
        this.sink = sink;
        this.readBuffer = readBuffer;
        this.unsent = unsent;
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

    long bytes() {
        return bytes;
    }

    boolean finished() {
        return finished;
    }

    /** Moves what it can now; the engine runs it again when an event says more can move. */
    void run() {
        if (finished || tunnel.over()) {
            return;
        }
        try {
            if (!sendHeld()) {
                return;
            }
            if (ended) {
                endOutput();
                return;
            }
            copy();
        } catch (IOException e) {
            tunnel.abort(e);
        }
    }

    /** Sends the bytes held back and what TLS holds; false while the sink cannot take them. */
    private boolean sendHeld() throws IOException {
        ByteBuffer held = unsent.bytes();
        if (held != null) {
            if (!sink.writable) {
                return false;
            }
            sink.write(held);
            if (held.hasRemaining()) {
                waitForSink();
                return false;
            }
            unsent.release();
            tunnel.touch();
        }
        if (!sink.flush()) {
            waitForSink();
            return false;
        }
        if (waitingForSink) {
            waitingForSink = false;
            sink.writesDone();
        }
        return true;
    }

    private void copy() throws IOException {
        ByteBuffer buffer = readBuffer;
        for (int i = 0; i < BURST && source.readable; i++) {
            buffer.clear();
            int n = source.read(buffer);
            if (n < 0) {
                ended = true;
                source.pauseReads();
                endOutput();
                return;
            }
            if (n == 0) {
                source.readable = false;
                break;
            }
            bytes += n;
            tunnel.touch();
            buffer.flip();
            sink.write(buffer);
            if (buffer.hasRemaining()) {
                unsent.copy(buffer);
                waitForSink();
                return;
            }
            if (n < buffer.capacity() && source.shortReadEmpties) {
                source.readable = false;
            }
        }
        if (!sink.flush()) {
            waitForSink();
        } else if (source.readable) {
            source.readAgainSoon();
        } else {
            source.awaitReadable();
        }
    }

    private void waitForSink() {
        sink.writable = false;
        waitingForSink = true;
        source.pauseReads();
        sink.awaitWritable();
    }

    private void endOutput() throws IOException {
        if (!outputShut) {
            outputShut = true;
            sink.shutdownOutput();
        }
        if (!sink.flush()) {
            waitForSink();
            return;
        }
        finished = true;
        tunnel.directionFinished();
    }

    /** Gives back any buffer it holds; the tunnel has ended. */
    void release() {
        unsent.release();
    }
}
