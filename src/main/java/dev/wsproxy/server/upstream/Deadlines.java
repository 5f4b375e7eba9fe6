package dev.wsproxy.server.upstream;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;

/** The one timer thread of proxy contexts: backend watchdogs and the closing of idle pooled connections. */
final class Deadlines {

    static final ScheduledExecutorService TIMER = timer();

    private Deadlines() {
    }

    private static ScheduledExecutorService timer() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "proxy-deadlines");
            thread.setDaemon(true);
            return thread;
        });
        // each exchange cancels its watchdog, due connTimeout later: kept, they would pile up by the million
        timer.setRemoveOnCancelPolicy(true);
        return timer;
    }
}
