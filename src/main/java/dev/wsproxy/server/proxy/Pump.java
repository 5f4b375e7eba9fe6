package dev.wsproxy.server.proxy;

import io.undertow.connector.ByteBufferPool;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.xnio.IoUtils;
import org.xnio.channels.StreamSinkChannel;
import org.xnio.channels.StreamSourceChannel;

/**
 * Copies bytes from one side of a tunnel to the other, unchanged. It reads into its I/O thread's
 * {@link ReadBuffer} and holds a buffer of its own only while the sink cannot take what was read; meanwhile
 * reading is suspended, so a slow reader slows its writer instead of growing memory. End of input becomes a write
 * shutdown on the sink (half-close).
 */
final class Pump implements AbstractTunnel.Direction {

    /** How many buffers one readiness event may move before letting the other connections on this thread run. */
    private static final int BURST = 16;

    private final StreamSourceChannel source;
    private final StreamSinkChannel sink;
    private final ByteBuffer readBuffer;
    private final HeldBytes unsent;
    private final AbstractTunnel tunnel;
    private final boolean shortReadDrains;

    private boolean ended;
    private boolean finished;
    private long bytes;

    /**
     * @param shortReadDrains whether a read that did not fill the buffer means the source is empty for now, which
     *                        saves the read that would only say so. True for a plain socket, whose selector
     *                        reports any later data; false for TLS, which may hold decrypted bytes back.
     */
    Pump(StreamSourceChannel source, StreamSinkChannel sink, ByteBufferPool pool, AbstractTunnel tunnel,
         boolean shortReadDrains) {
        this.source = source;
        this.sink = sink;
        this.readBuffer = ReadBuffer.ofThisThread(pool.getBufferSize());
        this.unsent = new HeldBytes(pool);
        this.tunnel = tunnel;
        this.shortReadDrains = shortReadDrains;
    }

    /** Starts copying, after first sending {@code early}: bytes that arrived with the other side's head. */
    void start(ByteBuffer early) {
        source.getReadSetter().set(channel -> onReadable());
        sink.getWriteSetter().set(channel -> onWritable());
        if (early.hasRemaining()) {
            bytes += early.remaining();
            unsent.keep(early);
            sink.resumeWrites();
        } else {
            source.resumeReads();
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

    private void onReadable() {
        ByteBuffer buffer = readBuffer;
        try {
            for (int i = 0; i < BURST; i++) {
                buffer.clear();
                int n = source.read(buffer);
                if (n < 0) {
                    endOfInput();
                    return;
                }
                if (n == 0) {
                    flushOrWait();
                    return;
                }
                bytes += n;
                tunnel.touch();
                buffer.flip();
                sink.write(buffer);
                if (buffer.hasRemaining()) {
                    unsent.copy(buffer);
                    source.suspendReads();
                    sink.resumeWrites();
                    return;
                }
                if (shortReadDrains && n < buffer.capacity()) {
                    break;
                }
            }
            flushOrWait();
        } catch (IOException e) {
            tunnel.abort(e);
        }
    }

    private void flushOrWait() throws IOException {
        if (!sink.flush()) {
            source.suspendReads();
            sink.resumeWrites();
        }
    }

    private void onWritable() {
        try {
            ByteBuffer held = unsent.bytes();
            if (held != null) {
                sink.write(held);
                if (held.hasRemaining()) {
                    return;
                }
                unsent.release();
                tunnel.touch();
            }
            if (!sink.flush()) {
                return;
            }
            sink.suspendWrites();
            if (ended) {
                finish();
            } else {
                source.resumeReads();
            }
        } catch (IOException e) {
            tunnel.abort(e);
        }
    }

    private void endOfInput() throws IOException {
        ended = true;
        source.suspendReads();
        sink.shutdownWrites();
        if (sink.flush()) {
            finish();
        } else {
            sink.resumeWrites();
        }
    }

    private void finish() {
        finished = true;
        IoUtils.safeShutdownReads(source);
        tunnel.directionFinished();
    }

    @Override
    public void release() {
        unsent.release();
    }
}
