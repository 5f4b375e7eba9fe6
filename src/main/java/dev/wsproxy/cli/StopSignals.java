package dev.wsproxy.cli;

import dev.wsproxy.server.platform.SignalHandlers;
import java.util.concurrent.CountDownLatch;

/**
 * Waits for SIGTERM or SIGINT. Handling the signals itself (instead of a shutdown hook) lets {@code serve}
 * finish its graceful stop and exit with 0, as a service manager expects from a clean stop.
 */
final class StopSignals {

    private final CountDownLatch received = new CountDownLatch(1);

    StopSignals() {
        for (String name : new String[] {"TERM", "INT"}) {
            SignalHandlers.on(name, received::countDown);
        }
    }

    /** Blocks until a stop signal arrives. */
    void await() throws InterruptedException {
        received.await();
    }
}
