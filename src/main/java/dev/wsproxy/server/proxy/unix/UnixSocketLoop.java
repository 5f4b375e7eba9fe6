package dev.wsproxy.server.proxy.unix;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.Iterator;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The single thread that watches every Unix socket of the JVM for readiness, with a JDK (epoll) selector, since
 * XNIO cannot wrap JDK Unix channels. It only detects readiness and hands it to the XNIO I/O thread that owns the
 * connection; the bytes are read and written there. Epoll rather than junixsocket's poll selector, whose every
 * wake-up scanned all registered sockets: that cost grew with the number of tunnels.
 */
public final class UnixSocketLoop {

    /** What a registered channel does when the selector finds it ready; runs on the loop thread. */
    interface Readiness {
        void ready(SelectionKey key);
    }

    private static final class Holder {
        static final UnixSocketLoop SHARED = new UnixSocketLoop();
    }

    private final Selector selector;
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean wakeupPending = new AtomicBoolean();
    private final Thread thread;

    private UnixSocketLoop() {
        try {
            selector = Selector.open();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a selector for Unix sockets", e);
        }
        thread = new Thread(this::run, "wsproxy-unix-sockets");
        thread.setDaemon(true);
        thread.start();
    }

    /** The JVM's loop, started on first use. */
    public static UnixSocketLoop shared() {
        return Holder.SHARED;
    }

    /** Runs {@code task} on the loop thread, soon. */
    void execute(Runnable task) {
        tasks.add(task);
        if (Thread.currentThread() != thread && wakeupPending.compareAndSet(false, true)) {
            selector.wakeup();
        }
    }

    /** Registers a non-blocking channel; loop thread only. */
    SelectionKey register(SelectableChannel channel, int ops, Readiness readiness) throws IOException {
        return channel.register(selector, ops, readiness);
    }

    private void run() {
        while (true) {
            try {
                selector.select();
            } catch (IOException | RuntimeException e) {
                System.err.println("wsproxy: unix socket loop: " + e);
            }
            wakeupPending.set(false);
            for (Runnable task = tasks.poll(); task != null; task = tasks.poll()) {
                runIsolated(task);
            }
            Iterator<SelectionKey> selected = selector.selectedKeys().iterator();
            while (selected.hasNext()) {
                SelectionKey key = selected.next();
                selected.remove();
                runIsolated(() -> ((Readiness) key.attachment()).ready(key));
            }
        }
    }

    /** One channel's failure must not stop the loop that serves all the others. */
    private static void runIsolated(Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            System.err.println("wsproxy: unix socket loop: " + e);
        }
    }
}
