package dev.wsproxy.server.upstream;

import dev.wsproxy.server.proxy.BackendConnector;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.xnio.IoUtils;
import org.xnio.StreamConnection;
import org.xnio.XnioIoThread;
import org.xnio.channels.StreamSinkChannel;
import org.xnio.channels.StreamSourceChannel;

/**
 * A backend connection (an XNIO connection from its extprocessor's {@link BackendPool}, TCP or Unix socket) used by
 * a thread of its own through blocking waits, with buffered reads of lines and bodies and, during each exchange, a
 * watchdog that closes it once no byte of the exchange has moved for the timeout, so that no wait on a silent
 * backend is unbounded.
 */
final class BackendChannel implements AutoCloseable {

    /** The longest single wait: a watchdog's close does not always wake a wait on another selector at once. */
    private static final long WAIT_SLICE_NANOS = TimeUnit.MILLISECONDS.toNanos(200);

    private final StreamConnection connection;
    private final StreamSourceChannel source;
    private final StreamSinkChannel sink;
    private final ByteBuffer in = ByteBuffer.allocate(16 * 1024).flip();
    private volatile boolean expired;
    private volatile boolean received;
    private volatile long lastProgress = System.nanoTime();
    private volatile boolean closed;
    /** Counts the exchanges' watches; a watchdog of an earlier one finds it changed and stops. */
    private volatile long watches;
    private volatile ScheduledFuture<?> watchdog;

    BackendChannel(StreamConnection connection) {
        this.connection = connection;
        this.source = connection.getSourceChannel();
        this.sink = connection.getSinkChannel();
    }

    /** A new connection to the backend, opened on {@code io}; waits at most {@code connectTimeout}. */
    static StreamConnection open(BackendConnector connector, XnioIoThread io, Duration connectTimeout)
            throws IOException {
        CompletableFuture<StreamConnection> opened = new CompletableFuture<>();
        Runnable cancel = connector.connect(io, new BackendConnector.Callback() {
            @Override
            public void connected(StreamConnection connection) {
                if (!opened.complete(connection)) {
                    IoUtils.safeClose(connection);
                }
            }

            @Override
            public void failed(IOException cause) {
                opened.completeExceptionally(cause);
            }
        });
        try {
            return opened.get(connectTimeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            cancel.run();
            opened.cancel(false);
            throw new IOException("no connection within " + connectTimeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException cause ? cause : new IOException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cancel.run();
            throw new IOException("interrupted while connecting");
        }
    }

    /**
     * Starts an exchange: the connection is closed once neither it nor the client has moved a byte for
     * {@code timeout}.
     */
    void watch(Duration timeout) {
        expired = false;
        received = false;
        progress();
        long watch = ++watches;
        check(watch, timeout.toNanos());
    }

    private void check(long watch, long nanos) {
        if (closed || watch != watches) {
            return;
        }
        long idle = System.nanoTime() - lastProgress;
        if (idle < nanos) {
            watchdog = Deadlines.TIMER.schedule(() -> check(watch, nanos), nanos - idle, TimeUnit.NANOSECONDS);
            return;
        }
        expired = true;
        closeQuietly();
    }

    /** Ends the exchange's watch: the connection goes back to its pool, where no timeout of a request applies. */
    void unwatch() {
        watches++;
        ScheduledFuture<?> pending = watchdog;
        if (pending != null) {
            pending.cancel(false);
        }
    }

    /** Counts a byte moved on the client's side as progress too. */
    void progress() {
        lastProgress = System.nanoTime();
    }

    /** Whether the watchdog closed the connection. */
    boolean expired() {
        return expired;
    }

    /** Whether the backend sent a byte during this exchange. */
    boolean received() {
        return received;
    }

    /** Whether the backend sent bytes past the end of the response, which no further exchange may take for its own. */
    boolean unreadBytes() {
        return in.hasRemaining();
    }

    void write(byte[] bytes, int offset, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(bytes, offset, length);
        while (buffer.hasRemaining()) {
            if (sink.write(buffer) > 0) {
                progress();
            } else {
                sink.awaitWritable(WAIT_SLICE_NANOS, TimeUnit.NANOSECONDS);
                failWhenClosed();
            }
        }
        while (!sink.flush()) {
            sink.awaitWritable(WAIT_SLICE_NANOS, TimeUnit.NANOSECONDS);
            failWhenClosed();
        }
    }

    void write(String ascii) throws IOException {
        byte[] bytes = ascii.getBytes(StandardCharsets.ISO_8859_1);
        write(bytes, 0, bytes.length);
    }

    /** One line without its CRLF, or null at end of stream; longer than {@code max} bytes is an error. */
    String readLine(int max) throws IOException {
        StringBuilder line = new StringBuilder();
        while (true) {
            if (!in.hasRemaining() && !fill()) {
                return line.length() == 0 ? null : line.toString();
            }
            char c = (char) (in.get() & 0xff);
            if (c == '\n') {
                int end = line.length();
                return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
            }
            if (line.length() >= max) {
                throw new IOException("backend sent a line longer than " + max + " bytes");
            }
            line.append(c);
        }
    }

    /** Copies exactly {@code length} bytes to {@code out}; fewer before the end of stream is an error. */
    void copyExactly(long length, OutputStream out) throws IOException {
        long left = length;
        while (left > 0) {
            if (!in.hasRemaining() && !fill()) {
                throw new IOException("backend closed the connection " + left + " bytes before the end of the body");
            }
            int n = (int) Math.min(left, in.remaining());
            out.write(in.array(), in.arrayOffset() + in.position(), n);
            in.position(in.position() + n);
            left -= n;
        }
    }

    /** Copies everything up to the end of stream to {@code out}. */
    void copyToEnd(OutputStream out) throws IOException {
        while (in.hasRemaining() || fill()) {
            out.write(in.array(), in.arrayOffset() + in.position(), in.remaining());
            in.position(in.limit());
        }
    }

    private boolean fill() throws IOException {
        in.clear();
        int read;
        while ((read = source.read(in)) == 0) {
            source.awaitReadable(WAIT_SLICE_NANOS, TimeUnit.NANOSECONDS);
            failWhenClosed();
        }
        in.flip();
        if (read > 0) {
            received = true;
            progress();
        }
        return read > 0;
    }

    private void failWhenClosed() throws IOException {
        if (closed || expired || !connection.isOpen()) {
            throw new IOException("the backend connection was closed");
        }
    }

    private void closeQuietly() {
        IoUtils.safeClose(connection);
    }

    @Override
    public void close() {
        closed = true;
        unwatch();
        closeQuietly();
    }
}
