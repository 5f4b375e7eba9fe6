package dev.wsproxy.server.upstream;

import dev.wsproxy.config.model.BackendAddress;
import dev.wsproxy.config.model.PoolSettings;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The backend connections of one proxy extprocessor, as OLS keeps them: at most {@code maxConns} at once, a request
 * that finds all of them busy waiting its turn; with {@code persistConn} a connection whose exchange ended cleanly
 * waits for the next request (the most recent first), until {@code pcKeepAliveTimeout} closes it or the backend
 * does (noticed within a second).
 */
final class BackendPool {

    /** A connection waiting for its next exchange, since {@code since} ({@link System#nanoTime()}). */
    private record Idle(BackendChannel channel, long since) {
    }

    private static final Duration SWEEP_EVERY = Duration.ofSeconds(1);

    private final BackendAddress address;
    private final PoolSettings settings;
    private final Semaphore permits;
    private final Deque<Idle> idle = new ArrayDeque<>();
    private boolean retired;
    private ScheduledFuture<?> sweep;

    BackendPool(BackendAddress address, PoolSettings settings) {
        this.address = address;
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

    /** Closes the idle connections, and each one in use when its exchange ends: the config was replaced. */
    synchronized void retire() {
        retired = true;
        idle.forEach(i -> i.channel().close());
        idle.clear();
        if (sweep != null) {
            sweep.cancel(false);
        }
    }

    private synchronized Idle newestIdle() {
        return idle.pollFirst();
    }

    private synchronized void giveBack(BackendChannel channel) {
        if (retired || !settings.persistConn()) {
            channel.close();
            return;
        }
        idle.addFirst(new Idle(channel, System.nanoTime()));
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
            boolean gone = expired(waiting, now) || !waiting.channel().reusable();
            if (gone) {
                waiting.channel().close();
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

    /** One request's turn at the pool: the connection it uses, returned or closed when the turn ends. */
    final class Lease implements AutoCloseable {

        private BackendChannel current;
        private boolean reused;
        private boolean keep;

        private Lease() {
        }

        /** An idle connection the backend has not closed, or a new one. */
        BackendChannel connection(Duration connectTimeout) throws IOException {
            for (Idle candidate = newestIdle(); candidate != null; candidate = newestIdle()) {
                if (candidate.channel().reusable()) {
                    reused = true;
                    current = candidate.channel();
                    return current;
                }
                candidate.channel().close();
            }
            return fresh(connectTimeout);
        }

        /** Closes the connection in use and opens a new one: the retry of a request a stale connection lost. */
        BackendChannel fresh(Duration connectTimeout) throws IOException {
            if (current != null) {
                current.close();
                current = null;
            }
            reused = false;
            current = BackendChannel.open(address, connectTimeout);
            return current;
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
                    current.unwatch();
                    if (keep) {
                        giveBack(current);
                    } else {
                        current.close();
                    }
                }
            } finally {
                permits.release();
            }
        }
    }
}
