package dev.wsproxy.server.upstream;

import dev.wsproxy.config.model.BackendAddress;
import dev.wsproxy.config.model.PoolSettings;
import dev.wsproxy.server.proxy.BackendConnector;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.xnio.IoUtils;
import org.xnio.StreamConnection;
import org.xnio.XnioExecutor;
import org.xnio.XnioIoThread;

/**
 * The backend connections of one proxy extprocessor, as OLS keeps them: at most {@code maxConns} at once, a request
 * that finds all of them busy waiting its turn; with {@code persistConn} a connection whose exchange ended cleanly
 * waits for the next request (the most recent first, one of the asking I/O thread's before any other), until
 * {@code pcKeepAliveTimeout} closes it or the backend does (noticed within a second). The connections are XNIO
 * connections, which a request on an I/O thread drives without blocking ({@link NonBlockingExchange}) and a
 * request on a thread of its own through blocking waits ({@link BackendChannel}).
 */
final class BackendPool {

    /** A connection waiting for its next exchange, since {@code since} ({@link System#nanoTime()}). */
    private record Idle(StreamConnection connection, long since) {
    }

    /** A request on an I/O thread waiting for its turn without blocking the thread. */
    private static final class Waiter {
        private final XnioIoThread io;
        private final Consumer<Lease> granted;
        private XnioExecutor.Key timeout;

        private Waiter(XnioIoThread io, Consumer<Lease> granted) {
            this.io = io;
            this.granted = granted;
        }
    }

    private static final Duration SWEEP_EVERY = Duration.ofSeconds(1);

    private final BackendConnector connector;
    private final PoolSettings settings;
    private final Semaphore permits;
    private final Deque<Idle> idle = new ArrayDeque<>();
    private final Deque<Waiter> waiters = new ArrayDeque<>();
    private boolean retired;
    private ScheduledFuture<?> sweep;

    BackendPool(BackendAddress address, PoolSettings settings) {
        this.connector = BackendConnector.of(address);
        this.settings = settings;
        this.permits = new Semaphore(settings.maxConns(), true);
    }

    int maxConns() {
        return settings.maxConns();
    }

    /** The right to use one connection, or empty when all {@code maxConns} stayed busy for {@code wait}. */
    Optional<Lease> lease(Duration wait) throws InterruptedException {
        return permits.tryAcquire(wait.toNanos(), TimeUnit.NANOSECONDS) ? Optional.of(new Lease()) : Optional.empty();
    }

    /**
     * The right to use one connection, given to {@code granted} on {@code io} as soon as one is free, or
     * {@code busy} run there when all {@code maxConns} stayed busy for {@code wait}; call on {@code io}.
     */
    void lease(XnioIoThread io, Duration wait, Consumer<Lease> granted, Runnable busy) {
        Waiter waiter = new Waiter(io, granted);
        synchronized (this) {
            if (!permits.tryAcquire()) {
                waiters.addLast(waiter);
                // a grant runs on io too, after this returns, so it always finds the timer set
                waiter.timeout = io.executeAfter(() -> {
                    if (gaveUp(waiter)) {
                        busy.run();
                    }
                }, wait.toMillis(), TimeUnit.MILLISECONDS);
                return;
            }
        }
        granted.accept(new Lease());
    }

    private synchronized boolean gaveUp(Waiter waiter) {
        return waiters.remove(waiter);
    }

    /** Gives a freed connection's permit to the request on an I/O thread that has waited longest, or back. */
    private void release() {
        Waiter next;
        synchronized (this) {
            next = waiters.pollFirst();
            if (next == null) {
                permits.release();
                return;
            }
        }
        next.io.execute(() -> {
            next.timeout.remove();
            next.granted.accept(new Lease());
        });
    }

    /** Closes the idle connections, and each one in use when its exchange ends: the config was replaced. */
    synchronized void retire() {
        retired = true;
        idle.forEach(i -> IoUtils.safeClose(i.connection()));
        idle.clear();
        if (sweep != null) {
            sweep.cancel(false);
        }
    }

    /** The newest idle connection, one of {@code io}'s if it has any: that thread drives it without a hand-off. */
    private synchronized StreamConnection newestIdle(XnioIoThread io) {
        Iterator<Idle> newestFirst = idle.iterator();
        while (newestFirst.hasNext()) {
            Idle candidate = newestFirst.next();
            if (candidate.connection().getIoThread() == io) {
                newestFirst.remove();
                return candidate.connection();
            }
        }
        Idle any = idle.pollFirst();
        return any == null ? null : any.connection();
    }

    private synchronized void giveBack(StreamConnection connection) {
        if (retired || !settings.persistConn()) {
            IoUtils.safeClose(connection);
            return;
        }
        idle.addFirst(new Idle(connection, System.nanoTime()));
        if (sweep == null) {
            sweepIn(untilNextSweep(System.nanoTime()));
        }
    }

    private void sweepIn(long nanos) {
        sweep = Deadlines.TIMER.schedule(this::sweep, nanos, TimeUnit.NANOSECONDS);
    }

    /**
     * Closes the idle connections the backend has closed (so that none waits in CLOSE_WAIT for a request to find
     * it) and those idle for longer than {@code pcKeepAliveTimeout}; again while any is left.
     */
    private synchronized void sweep() {
        sweep = null;
        long now = System.nanoTime();
        idle.removeIf(waiting -> {
            boolean gone = expired(waiting, now) || !reusable(waiting.connection());
            if (gone) {
                IoUtils.safeClose(waiting.connection());
            }
            return gone;
        });
        if (!idle.isEmpty() && !retired) {
            sweepIn(untilNextSweep(now));
        }
    }

    private boolean expired(Idle waiting, long now) {
        return settings.idleTimeout().filter(timeout -> now - waiting.since() >= timeout.toNanos()).isPresent();
    }

    /** A second, or less when the oldest idle connection reaches {@code pcKeepAliveTimeout} before. */
    private long untilNextSweep(long now) {
        long next = SWEEP_EVERY.toNanos();
        Idle oldest = idle.peekLast();
        if (oldest != null && settings.idleTimeout().isPresent()) {
            next = Math.min(next, oldest.since() + settings.idleTimeout().get().toNanos() - now);
        }
        return Math.max(0, next);
    }

    /**
     * Whether an idle connection can carry another exchange: open, and not closed by the backend meanwhile (a read,
     * which never waits on an XNIO connection, finds neither an end of stream nor bytes nobody asked for).
     */
    private static boolean reusable(StreamConnection connection) {
        if (!connection.isOpen()) {
            return false;
        }
        try {
            return connection.getSourceChannel().read(ByteBuffer.allocate(1)) == 0;
        } catch (IOException e) {
            return false;
        }
    }

    /** One request's turn at the pool: the connection it uses, returned or closed when the turn ends. */
    final class Lease implements AutoCloseable {

        private StreamConnection current;
        private boolean reused;
        private boolean keep;

        private Lease() {
        }

        /** An idle connection the backend has not closed, or a new one, for a thread of its own to block on. */
        BackendChannel connection(XnioIoThread io, Duration connectTimeout) throws IOException {
            StreamConnection pooled = reusableIdle(io);
            return pooled != null ? new BackendChannel(pooled) : fresh(io, connectTimeout);
        }

        /** Closes the connection in use and opens a new one: the retry of a request a stale connection lost. */
        BackendChannel fresh(XnioIoThread io, Duration connectTimeout) throws IOException {
            closeCurrent();
            current = BackendChannel.open(connector, io, connectTimeout);
            return new BackendChannel(current);
        }

        /**
         * An idle connection the backend has not closed, given to {@code callback} at once, or a new one opened on
         * {@code io}; call on {@code io}. The handle cancels a connect still under way.
         */
        Runnable connection(XnioIoThread io, BackendConnector.Callback callback) {
            StreamConnection pooled = reusableIdle(io);
            if (pooled != null) {
                callback.connected(pooled);
                return () -> { };
            }
            return fresh(io, callback);
        }

        /** {@link #fresh(XnioIoThread, Duration)} without blocking: the new connection goes to {@code callback}. */
        Runnable fresh(XnioIoThread io, BackendConnector.Callback callback) {
            closeCurrent();
            return connector.connect(io, new BackendConnector.Callback() {
                @Override
                public void connected(StreamConnection connection) {
                    current = connection;
                    callback.connected(connection);
                }

                @Override
                public void failed(IOException cause) {
                    callback.failed(cause);
                }
            });
        }

        private StreamConnection reusableIdle(XnioIoThread io) {
            for (StreamConnection candidate = newestIdle(io); candidate != null; candidate = newestIdle(io)) {
                if (reusable(candidate)) {
                    reused = true;
                    current = candidate;
                    return candidate;
                }
                IoUtils.safeClose(candidate);
            }
            return null;
        }

        private void closeCurrent() {
            IoUtils.safeClose(current);
            current = null;
            reused = false;
        }

        /** Whether the connection carried an exchange before this one. */
        boolean reused() {
            return reused;
        }

        /** The exchange ended cleanly and left the connection ready for another. */
        void keep() {
            keep = true;
        }

        @Override
        public void close() {
            try {
                if (current != null) {
                    if (keep) {
                        giveBack(current);
                    } else {
                        IoUtils.safeClose(current);
                    }
                }
            } finally {
                release();
            }
        }
    }
}
