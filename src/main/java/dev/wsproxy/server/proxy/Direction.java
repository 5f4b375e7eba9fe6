package dev.wsproxy.server.proxy;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * One direction of a tunnel: copies what one {@link Endpoint} reads to the other, unchanged, whichever engine
 * drives the two. It reads into a buffer its engine shares between the tunnels of a thread, and holds a pooled
 * buffer of its own only while the sink cannot take what was read; meanwhile it reads no more, so a slow reader
 * slows its writer instead of growing memory. End of input becomes a write shutdown on the sink (half-close).
 * It follows where frames start ({@link FrameTracker}), so that a stopping server can end it with a close frame
 * of its own ({@link #goAway}).
 */
final class Direction {

    /** How many buffers one turn may move before letting the other connections of the thread run. */
    private static final int BURST = 16;

    private final Endpoint source;
    private final Endpoint sink;
    private final ByteBuffer readBuffer;
    private final HeldBytes unsent;
    private final AbstractTunnel tunnel;
    private final FrameTracker frames = new FrameTracker();

    private boolean ended;
    private boolean outputShut;
    private boolean finished;
    private boolean waitingForSink;
    private long bytes;
    private boolean goingAway;
    /** The close frame to send at the next frame boundary; null once it is on its way, or when none is due. */
    private ByteBuffer closeFrame;
    /** Whether its part of the closing handshake is done: its close went out, and its source sent one or ended. */
    private boolean answered;

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
            frames.pass(early);
            unsent.keep(early);
        }
    }

    long bytes() {
        return bytes;
    }

    boolean finished() {
        return finished;
    }

    boolean answered() {
        return answered;
    }

    /** Moves what it can now; the engine runs it again when an event says more can move. */
    void run() {
        if (finished || tunnel.ended()) {
            return;
        }
        try {
            if (goingAway) {
                closeHandshake();
                return;
            }
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
            frames.pass(buffer);
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

    /**
     * Starts this direction's part of a closing handshake the server begins: it sends {@code close} to the sink
     * once the bytes passed end where a frame ends, and nothing after it; from then on it reads its source only to
     * see that side's close frame, or its end, which it reports to the tunnel. No close goes out where the source
     * has already sent one, which the sink has then had, nor where the sink's output has ended.
     */
    void goAway(ByteBuffer close) {
        goingAway = true;
        closeFrame = frames.closeSeen() || ended ? null : close;
        answered = finished;
    }

    private void closeHandshake() throws IOException {
        ByteBuffer buffer = readBuffer;
        for (int i = 0; i < BURST; i++) {
            if (!sendHeld()) {
                return;
            }
            if (closeFrame != null && frames.atBoundary()) {
                unsent.keep(closeFrame);
                closeFrame = null;
                continue;
            }
            if (closeFrame == null && (frames.closeSeen() || ended)) {
                answered = true;
                source.pauseReads();
                tunnel.directionAnswered();
                return;
            }
            if (!source.readable) {
                source.awaitReadable();
                return;
            }
            buffer.clear();
            int n = source.read(buffer);
            if (n < 0) {
                // the source ended inside a frame: no boundary will come for the close
                ended = true;
                closeFrame = null;
                source.pauseReads();
                continue;
            }
            if (n == 0) {
                source.readable = false;
                source.awaitReadable();
                return;
            }
            buffer.flip();
            if (closeFrame != null) {
                holdUpToBoundary(buffer);
            }
            // what follows the boundary is dropped: only the source's close frame matters now
            frames.pass(buffer);
        }
        source.readAgainSoon();
    }

    /**
     * Holds, to send, the bytes of {@code buffer} that finish the frame under way, then the close frame if they
     * reach its end; leaves {@code buffer} at the first byte past them.
     */
    private void holdUpToBoundary(ByteBuffer buffer) {
        int from = buffer.position();
        int boundary = frames.untilBoundary(buffer, from, buffer.limit());
        int end = boundary < 0 ? buffer.limit() : boundary;
        ByteBuffer out = ByteBuffer.allocate(end - from + (boundary < 0 ? 0 : closeFrame.remaining()));
        out.put(buffer.duplicate().limit(end));
        if (boundary >= 0) {
            out.put(closeFrame);
            closeFrame = null;
        }
        bytes += end - from;
        unsent.keep(out.flip());
        buffer.position(end);
    }

    /** Gives back any buffer it holds; the tunnel has ended. */
    void release() {
        unsent.release();
    }
}
