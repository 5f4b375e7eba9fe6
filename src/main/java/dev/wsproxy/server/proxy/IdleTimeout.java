package dev.wsproxy.server.proxy;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.xnio.XnioExecutor;
import org.xnio.XnioIoThread;

/**
 * A tunnel's {@code idleTimeout}, the websocket block's wsproxy extension: it notes traffic either way and ends the
 * tunnel once there was none for that long. A zero timeout never ends it, and saves reading the clock per message.
 */
final class IdleTimeout {

    private final Duration limit;
    private final XnioIoThread timers;
    private final Executor tunnelThread;
    private final Consumer<String> end;

    private long lastActivity = System.nanoTime();
    private XnioExecutor.Key timer;
    private boolean cancelled;

    /**
     * @param timers       the I/O thread whose timer queue times the checks
     * @param tunnelThread runs a check where the tunnel runs
     * @param end          ends the tunnel, with the reason
     */
    IdleTimeout(Duration limit, XnioIoThread timers, Executor tunnelThread, Consumer<String> end) {
        this.limit = limit;
        this.timers = timers;
        this.tunnelThread = tunnelThread;
        this.end = end;
    }

    void start() {
        if (!limit.isZero()) {
            schedule(limit.toNanos());
        }
    }

    /** Notes traffic, which postpones the end. */
    void touch() {
        if (!limit.isZero()) {
            lastActivity = System.nanoTime();
        }
    }

    void cancel() {
        cancelled = true;
        if (timer != null) {
            timer.remove();
        }
    }

    private void schedule(long delayNanos) {
        try {
            timer = timers.executeAfter(() -> tunnelThread.execute(this::check), delayNanos, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            // the worker is stopping, which ends its tunnels
        }
    }

    private void check() {
        if (cancelled) {
            return;
        }
        long idle = System.nanoTime() - lastActivity;
        if (idle >= limit.toNanos()) {
            end.accept("idle for " + limit.toSeconds() + " s");
        } else {
            schedule(limit.toNanos() - idle);
        }
    }
}
