package dev.wsproxy.server.routing;

import io.undertow.conduits.ReadDataStreamSourceConduit;
import io.undertow.server.Connectors;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.protocol.http.HttpServerConnection;
import io.undertow.util.ImmediatePooledByteBuffer;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.util.concurrent.TimeUnit;
import org.xnio.IoUtils;
import org.xnio.channels.StreamSinkChannel;
import org.xnio.conduits.AbstractStreamSourceConduit;
import org.xnio.conduits.ConduitReadableByteChannel;
import org.xnio.conduits.StreamSourceConduit;

/**
 * A chunked request body read by {@link ChunkFraming}'s rules in place of Undertow's chunk reader. That reader takes
 * a chunk size up to its first non-hex character ({@code zz} is a last chunk), skips whatever follows a chunk's
 * data, and closes the connection on the errors it does find, so no 400 could be sent. Here a malformed body is a
 * {@link MalformedChunk} with the connection still open: the proxy answers 400 before the backend has a byte, and
 * the connection closes after it. Bytes after the body's end go back to the connection for the next request.
 */
final class ChunkedBody extends AbstractStreamSourceConduit<StreamSourceConduit> {

    private static final int LOOKAHEAD = 8192;

    private final HttpServerExchange exchange;
    private final HttpServerConnection connection;
    private final ChunkFraming framing = new ChunkFraming();
    private final ByteBuffer ahead = ByteBuffer.allocate(LOOKAHEAD).flip();
    private MalformedChunk failure;
    private boolean terminated;

    private ChunkedBody(HttpServerExchange exchange, HttpServerConnection connection) {
        super(new ReadDataStreamSourceConduit(connection.getOriginalSourceConduit(), connection));
        this.exchange = exchange;
        this.connection = connection;
    }

    /** Reads the body of {@code exchange}, chunked by its framing, with these rules; call before any body is read. */
    static void readStrictly(HttpServerExchange exchange) {
        if (exchange.getConnection() instanceof HttpServerConnection connection && !exchange.isRequestComplete()) {
            connection.getChannel().getSourceChannel().setConduit(new ChunkedBody(exchange, connection));
        }
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        if (terminated || framing.done()) {
            return -1;
        }
        if (failure != null) {
            throw failure;
        }
        try {
            return readData(dst);
        } catch (MalformedChunk e) {
            failure = e;
            exchange.setPersistent(false);
            throw e;
        }
    }

    private int readData(ByteBuffer dst) throws IOException {
        while (dst.hasRemaining()) {
            long left = framing.dataLeft();
            if (left > 0) {
                return ahead.hasRemaining() ? fromAhead(dst, left) : fromConnection(dst, left);
            }
            if (!ahead.hasRemaining() && !fill()) {
                return 0;
            }
            framing.read(ahead);
            if (framing.done()) {
                end();
                return -1;
            }
        }
        return 0;
    }

    private int fromAhead(ByteBuffer dst, long left) {
        int count = (int) Math.min(left, Math.min(ahead.remaining(), dst.remaining()));
        dst.put(dst.position(), ahead, ahead.position(), count);
        dst.position(dst.position() + count);
        ahead.position(ahead.position() + count);
        framing.tookData(count);
        return count;
    }

    private int fromConnection(ByteBuffer dst, long left) throws IOException {
        int limit = dst.limit();
        dst.limit((int) Math.min(limit, dst.position() + left));
        try {
            int read = endChecked(next.read(dst));
            framing.tookData(read);
            return read;
        } finally {
            dst.limit(limit);
        }
    }

    /** Reads more of the connection into {@code ahead}; false when nothing has come yet. */
    private boolean fill() throws IOException {
        ahead.clear();
        int read = next.read(ahead);
        ahead.flip();
        return endChecked(read) > 0;
    }

    /** A client that ends its stream inside the body has left: the connection closes, as Undertow's reader does. */
    private int endChecked(int read) throws IOException {
        if (read < 0) {
            exchange.setPersistent(false);
            IoUtils.safeClose(connection);
            throw new ClosedChannelException();
        }
        return read;
    }

    /** The body is complete: what was read past it belongs to the next request. */
    private void end() {
        if (ahead.hasRemaining()) {
            ByteBuffer rest = ByteBuffer.allocate(ahead.remaining()).put(ahead).flip();
            connection.ungetRequestBytes(new ImmediatePooledByteBuffer(rest));
        }
        Connectors.terminateRequest(exchange);
    }

    @Override
    public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
        for (int i = offset; i < offset + length; i++) {
            if (dsts[i].hasRemaining()) {
                return read(dsts[i]);
            }
        }
        return 0;
    }

    @Override
    public long transferTo(long position, long count, FileChannel target) throws IOException {
        return target.transferFrom(new ConduitReadableByteChannel(this), position, count);
    }

    @Override
    public long transferTo(long count, ByteBuffer throughBuffer, StreamSinkChannel target) throws IOException {
        return IoUtils.transfer(new ConduitReadableByteChannel(this), count, throughBuffer, target);
    }

    @Override
    public void terminateReads() throws IOException {
        terminated = true;
        if (!framing.done()) {
            exchange.setPersistent(false);
        }
        next.terminateReads();
    }

    @Override
    public void resumeReads() {
        if (readable()) {
            next.wakeupReads();
        } else {
            next.resumeReads();
        }
    }

    @Override
    public void awaitReadable() throws IOException {
        if (!readable()) {
            next.awaitReadable();
        }
    }

    @Override
    public void awaitReadable(long time, TimeUnit timeUnit) throws IOException {
        if (!readable()) {
            next.awaitReadable(time, timeUnit);
        }
    }

    /** Whether a read can answer without the connection: bytes read ahead, the body's end, or its failure. */
    private boolean readable() {
        return ahead.hasRemaining() || framing.done() || failure != null || terminated;
    }
}
