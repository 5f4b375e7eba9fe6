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
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A blocking connection to a proxy backend, TCP or Unix domain socket through the same JDK
 * {@link SocketChannel}, with buffered reads of lines and bodies and a watchdog that closes it once no byte
 * of the exchange has moved for the timeout, so that no wait on a silent backend is unbounded.
 */
final class BackendChannel implements AutoCloseable {

    private static final ScheduledExecutorService DEADLINES = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "proxy-deadlines");
        thread.setDaemon(true);
        return thread;
    });

    private final SocketChannel channel;
    private final ByteBuffer in = ByteBuffer.allocate(16 * 1024).flip();
    private volatile boolean expired;
    private volatile long lastProgress = System.nanoTime();
    private volatile boolean closed;
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

    /** Closes the connection once neither it nor the client has moved a byte for {@code timeout}. */
    void watch(Duration timeout) {
        long nanos = timeout.toNanos();
        long idle = System.nanoTime() - lastProgress;
        if (closed) {
            return;
        }
        if (idle < nanos) {
            watchdog = DEADLINES.schedule(() -> watch(timeout), nanos - idle, TimeUnit.NANOSECONDS);
            return;
        }
        expired = true;
        closeQuietly();
    }

    /** Counts a byte moved on the client's side as progress too. */
    void progress() {
        lastProgress = System.nanoTime();
    }

    /** Whether the watchdog closed the connection. */
    boolean expired() {
        return expired;
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
        if (watchdog != null) {
            watchdog.cancel(false);
        }
        closeQuietly();
    }
}
