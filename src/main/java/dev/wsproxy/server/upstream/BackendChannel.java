package dev.wsproxy.server.upstream;

import dev.wsproxy.config.model.BackendAddress;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A blocking connection to a proxy backend, TCP or Unix domain socket through the same JDK
 * {@link SocketChannel}, with buffered reads of lines and bodies and, during each exchange, a watchdog that closes it
 * once no byte of the exchange has moved for the timeout, so that no wait on a silent backend is unbounded. Between
 * exchanges it may wait in its extprocessor's {@link BackendPool}.
 */
final class BackendChannel implements AutoCloseable {

    private final SocketChannel channel;
    private final ByteBuffer in = ByteBuffer.allocate(16 * 1024).flip();
    private volatile boolean expired;
    private volatile boolean received;
    private volatile long lastProgress = System.nanoTime();
    private volatile boolean closed;
    /** Counts the exchanges' watches; a watchdog of an earlier one finds it changed and stops. */
    private volatile long watches;
    private volatile ScheduledFuture<?> watchdog;

    private BackendChannel(SocketChannel channel) {
        this.channel = channel;
    }

    static BackendChannel open(BackendAddress address, Duration connectTimeout) throws IOException {
        if (address instanceof BackendAddress.Unix unix) {
            SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
            try {
                channel.connect(UnixDomainSocketAddress.of(unix.path()));
            } catch (IOException e) {
                channel.close();
                throw e;
            }
            return new BackendChannel(channel);
        }
        BackendAddress.Tcp tcp = (BackendAddress.Tcp) address;
        SocketChannel channel = SocketChannel.open();
        try {
            channel.socket().connect(new InetSocketAddress(tcp.host(), tcp.port()), (int) connectTimeout.toMillis());
            channel.socket().setTcpNoDelay(true);
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        return new BackendChannel(channel);
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

    /**
     * Whether an idle connection can carry another exchange: open, with nothing unread, and not closed by the
     * backend meanwhile (a read that does not wait finds neither an end of stream nor bytes nobody asked for).
     */
    boolean reusable() {
        if (closed || !channel.isOpen() || in.hasRemaining()) {
            return false;
        }
        try {
            channel.configureBlocking(false);
            try {
                in.clear();
                int read = channel.read(in);
                in.flip();
                return read == 0;
            } finally {
                channel.configureBlocking(true);
            }
        } catch (IOException e) {
            return false;
        }
    }

    void write(byte[] bytes, int offset, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(bytes, offset, length);
        while (buffer.hasRemaining()) {
            if (channel.write(buffer) > 0) {
                progress();
            }
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
        int read = channel.read(in);
        in.flip();
        if (read > 0) {
            received = true;
            progress();
        }
        return read > 0;
    }

    private void closeQuietly() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // closing is all that is left to do; nothing depends on it succeeding
        }
    }

    @Override
    public void close() {
        closed = true;
        unwatch();
        closeQuietly();
    }
}
