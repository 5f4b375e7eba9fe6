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
 * {@link SocketChannel}, with buffered reads of lines and bodies and a deadline that closes it when the
 * backend stays silent too long.
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
    private ScheduledFuture<?> deadline;

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

    /** Closes the connection after {@code timeout} unless {@link #cancelDeadline()} comes first. */
    void startDeadline(Duration timeout) {
        deadline = DEADLINES.schedule(() -> {
            expired = true;
            closeQuietly();
        }, timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    void cancelDeadline() {
        if (deadline != null) {
            deadline.cancel(false);
        }
    }

    /** Whether the deadline closed the connection. */
    boolean expired() {
        return expired;
    }

    void write(byte[] bytes, int offset, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(bytes, offset, length);
        while (buffer.hasRemaining()) {
            channel.write(buffer);
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
        cancelDeadline();
        closeQuietly();
    }
}
