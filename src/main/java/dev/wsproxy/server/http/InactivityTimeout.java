package dev.wsproxy.server.http;

import io.undertow.server.AbstractServerConnection;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.ServerConnection;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.xnio.IoUtils;
import org.xnio.StreamConnection;
import org.xnio.XnioExecutor;
import org.xnio.channels.StreamSinkChannel;
import org.xnio.channels.StreamSourceChannel;
import org.xnio.conduits.AbstractStreamSinkConduit;
import org.xnio.conduits.AbstractStreamSourceConduit;
import org.xnio.conduits.StreamSinkConduit;
import org.xnio.conduits.StreamSourceConduit;

/**
 * OLS's {@code connTimeout} on one client connection: closed once no byte has moved either way for that long,
 * in every phase from the TLS handshake through the request head and body to the response body. It sits at the
 * bottom of the connection's conduits (above TLS, so a handshake that never ends moves no byte either) and
 * measures with one timer that wakes once per timeout. While wsproxy itself waits on a backend the clock is
 * held, since the backend's own timeout applies then; a connection that becomes a tunnel leaves it for good,
 * the tunnel keeping its own {@code idleTimeout}.
 */
public final class InactivityTimeout implements Runnable {

    private final StreamConnection connection;
    private final long timeoutNanos;
    private volatile long lastActivity = System.nanoTime();
    private volatile boolean held;
    private volatile boolean stopped;
    private volatile boolean expired;
    /** The pending wake-up; removed when the connection closes, which would otherwise stay reachable until it. */
    private volatile XnioExecutor.Key timer = XnioExecutor.Key.IMMEDIATE;

    private InactivityTimeout(StreamConnection connection, Duration timeout) {
        this.connection = connection;
        this.timeoutNanos = timeout.toNanos();
    }

    /** Watches {@code connection}, which must not have carried a byte yet; call on its I/O thread. */
    public static void watch(StreamConnection connection, Duration timeout) {
        InactivityTimeout watch = new InactivityTimeout(connection, timeout);
        connection.getSourceChannel().setConduit(watch.new Source(connection.getSourceChannel().getConduit()));
        connection.getSinkChannel().setConduit(watch.new Sink(connection.getSinkChannel().getConduit()));
        watch.schedule(watch.timeoutNanos);
        connection.setCloseListener(closed -> watch.timer.remove());
    }

    /** The watch on the connection of {@code exchange}, if it has one (HTTP/1.1 on a watched listener). */
    public static Optional<InactivityTimeout> of(HttpServerExchange exchange) {
        ServerConnection connection = exchange.getConnection();
        if (connection instanceof AbstractServerConnection server
                && server.getOriginalSourceConduit() instanceof Source source) {
            return Optional.of(source.watch());
        }
        return Optional.empty();
    }

    /** Stops the clock while wsproxy, not the client, is the one to act (waiting on a backend). */
    public void hold() {
        held = true;
    }

    /** Starts the clock again from now. */
    public void release() {
        lastActivity = System.nanoTime();
        held = false;
    }

    /** Stops watching for good: the connection has become a tunnel. */
    public void stop() {
        stopped = true;
    }

    /** Whether this watch closed the connection. */
    public boolean expired() {
        return expired;
    }

    @Override
    public void run() {
        if (stopped || !connection.isOpen()) {
            return;
        }
        long idle = System.nanoTime() - lastActivity;
        if (held || idle < timeoutNanos) {
            schedule(held ? timeoutNanos : timeoutNanos - idle);
            return;
        }
        expired = true;
        IoUtils.safeClose(connection);
    }

    private void schedule(long nanos) {
        timer = connection.getIoThread().executeAfter(this, TimeUnit.NANOSECONDS.toMillis(nanos) + 1,
                TimeUnit.MILLISECONDS);
        if (!connection.isOpen()) {
            timer.remove(); // closed while this was scheduling, after its close listener ran
        }
    }

    private int moved(int count) {
        if (count > 0) {
            lastActivity = System.nanoTime();
        }
        return count;
    }

    private long moved(long count) {
        if (count > 0) {
            lastActivity = System.nanoTime();
        }
        return count;
    }

    /** Reads that count as activity when they bring bytes. */
    private final class Source extends AbstractStreamSourceConduit<StreamSourceConduit> {

        Source(StreamSourceConduit next) {
            super(next);
        }

        InactivityTimeout watch() {
            return InactivityTimeout.this;
        }

        @Override
        public int read(ByteBuffer dst) throws IOException {
            return moved(next.read(dst));
        }

        @Override
        public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
            return moved(next.read(dsts, offset, length));
        }

        @Override
        public long transferTo(long position, long count, FileChannel target) throws IOException {
            return moved(next.transferTo(position, count, target));
        }

        @Override
        public long transferTo(long count, ByteBuffer throughBuffer, StreamSinkChannel target) throws IOException {
            return moved(next.transferTo(count, throughBuffer, target));
        }
    }

    /** Writes that count as activity when they take bytes. */
    private final class Sink extends AbstractStreamSinkConduit<StreamSinkConduit> {

        Sink(StreamSinkConduit next) {
            super(next);
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            return moved(next.write(src));
        }

        @Override
        public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
            return moved(next.write(srcs, offset, length));
        }

        @Override
        public int writeFinal(ByteBuffer src) throws IOException {
            return moved(next.writeFinal(src));
        }

        @Override
        public long writeFinal(ByteBuffer[] srcs, int offset, int length) throws IOException {
            return moved(next.writeFinal(srcs, offset, length));
        }

        @Override
        public long transferFrom(FileChannel src, long position, long count) throws IOException {
            return moved(next.transferFrom(src, position, count));
        }

        @Override
        public long transferFrom(StreamSourceChannel source, long count, ByteBuffer throughBuffer) throws IOException {
            return moved(next.transferFrom(source, count, throughBuffer));
        }
    }
}
