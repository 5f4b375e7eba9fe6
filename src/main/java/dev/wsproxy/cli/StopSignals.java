package dev.wsproxy.cli;

import java.util.concurrent.CountDownLatch;
import sun.misc.Signal;

/**
 * Waits for SIGTERM or SIGINT. Handling the signals itself (instead of a shutdown hook) lets {@code serve}
 * finish its graceful stop and exit with 0, as a service manager expects from a clean stop.
 */
final class StopSignals {

    private final CountDownLatch received = new CountDownLatch(1);

    StopSignals() {
        for (String name : new String[] {"TERM", "INT"}) {
            Signal.handle(new Signal(name), signal -> received.countDown());
        }
    }

    /** Stops as a signal would: {@code POST /drain} of the admin endpoint. */
    void stop() {
        received.countDown();
    }

    /** Whether a stop signal (or {@link #stop()}) has come. */
    boolean received() {
        return received.getCount() == 0;
    }

    /** Blocks until a stop signal arrives. */
    void await() throws InterruptedException {
        received.await();
    }
}
