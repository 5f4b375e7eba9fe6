package dev.wsproxy.server.upstream;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/** The one timer thread of proxy contexts: backend watchdogs and the closing of idle pooled connections. */
final class Deadlines {

    static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "proxy-deadlines");
        thread.setDaemon(true);
        return thread;
    });

    private Deadlines() {
    }
}
