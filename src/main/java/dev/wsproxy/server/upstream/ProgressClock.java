package dev.wsproxy.server.upstream;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.xnio.XnioExecutor;
import org.xnio.XnioIoThread;

/**
 * The one clock of a {@link NonBlockingExchange}: it runs {@code expired} on the I/O thread once no progress has
 * been made for the timeout, waking once per timeout rather than being reset at every byte.
 */
final class ProgressClock {

    private final XnioIoThread io;
    private final long timeoutNanos;
    private final Runnable expired;
    private long lastProgress;
    private XnioExecutor.Key key;
    private boolean stopped;

    ProgressClock(XnioIoThread io, Duration timeout, Runnable expired) {
        this.io = io;
        this.timeoutNanos = timeout.toNanos();
        this.expired = expired;
    }

    /** Counts from now; call on the I/O thread. */
    void start() {
        progress();
        key = io.executeAfter(this::check, timeoutNanos, TimeUnit.NANOSECONDS);
    }

    /** Notes that a byte moved. */
    void progress() {
        lastProgress = System.nanoTime();
    }

    /** Stops the clock for good. */
    void stop() {
        stopped = true;
        if (key != null) {
            key.remove();
        }
    }

    private void check() {
        if (stopped) {
            return;
        }
        long idle = System.nanoTime() - lastProgress;
        if (idle < timeoutNanos) {
            key = io.executeAfter(this::check, timeoutNanos - idle, TimeUnit.NANOSECONDS);
        } else {
            expired.run();
        }
    }
}
