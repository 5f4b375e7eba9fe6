package dev.wsproxy.server.upstream;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** Daemon threads named {@code wsproxy-proxy-N}, one per proxied request with a body in flight. */
final class ProxyThreadFactory implements ThreadFactory {

    private final AtomicInteger count = new AtomicInteger();

    @Override
    public Thread newThread(Runnable task) {
        Thread thread = new Thread(task, "wsproxy-proxy-" + count.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    }
}
