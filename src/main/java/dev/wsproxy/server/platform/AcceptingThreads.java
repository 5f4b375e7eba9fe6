package dev.wsproxy.server.platform;

import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectionKey;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.xnio.ChannelListener;
import org.xnio.ChannelListeners;
import org.xnio.IoUtils;
import org.xnio.StreamConnection;
import org.xnio.XnioIoThread;
import org.xnio.XnioWorker;
import org.xnio.nio.ForeignSocketChannels;
import org.xnio.nio.ForeignSocketChannels.Registration;

/**
 * One listener's accepting, done by every I/O thread of a worker, each serving the connections it accepts itself, as
 * each nginx worker does. XNIO's own accepting takes every connection on its accept thread and queues it to an I/O
 * thread: two thread wake-ups per connection, which doubled the context switches of a TLS handshake. Given a
 * listening socket per I/O thread ({@code SO_REUSEPORT}: the kernel spreads the connections over them and wakes
 * only the thread of the one it picked) each thread waits on its own; given one socket, every thread waits on it
 * and the first to accept wins. Accepting pauses while the listener holds its most connections
 * ({@code maxConnections}) until a tenth of them have closed, and after a failed accept (no descriptor left) for
 * {@link #ACCEPT_RETRY}.
 */
public final class AcceptingThreads {

    /** How soon accepting is tried again after it failed, when the process had no descriptor left. */
    public static final Duration ACCEPT_RETRY = Duration.ofMillis(100);
    /** Connections one thread accepts in a row before it serves its other connections again. */
    private static final int BURST = 64;

    private final List<ServerSocketChannel> sockets;
    private final List<Acceptor> acceptors = new ArrayList<>();
    private final ChannelListener<StreamConnection> connected;
    private final Runnable failed;
    private final int highWater;
    private final int lowWater;
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicBoolean full = new AtomicBoolean();
    private volatile boolean accepting;

    /**
     * Registers {@code sockets} (bound, listening, non-blocking): one per I/O thread of {@code worker}, or one for
     * them all. Accepting starts suspended.
     *
     * @param maxConnections the connections this listener holds at most, 0 for no limit
     * @param connected      gets each accepted connection, on the I/O thread that owns it
     * @param failed         runs each time accepting fails, on an I/O thread
     */
    public AcceptingThreads(XnioWorker worker, List<ServerSocketChannel> sockets, int maxConnections,
                            ChannelListener<StreamConnection> connected, Runnable failed) throws IOException {
        int threads = worker.getIoThreadCount();
        if (sockets.size() != 1 && sockets.size() != threads) {
            throw new IllegalArgumentException(sockets.size() + " sockets for " + threads + " I/O threads");
        }
        this.sockets = List.copyOf(sockets);
        this.connected = connected;
        this.failed = failed;
        this.highWater = maxConnections > 0 ? maxConnections : Integer.MAX_VALUE;
        this.lowWater = maxConnections > 0 ? Math.max(1, maxConnections * 9 / 10) : Integer.MAX_VALUE;
        try {
            for (int i = 0; i < threads; i++) {
                acceptors.add(new Acceptor(worker.getIoThread(i), sockets.get(sockets.size() == 1 ? 0 : i)));
            }
        } catch (IOException | RuntimeException e) {
            acceptors.forEach(acceptor -> acceptor.registration.cancel());
            throw e;
        }
    }

    /** The listening sockets, to take what their queues still hold when accepting has stopped. */
    public List<ServerSocketChannel> sockets() {
        return sockets;
    }

    /** Accepts from now on. */
    public void resume() {
        accepting = true;
        updateAll();
    }

    /** Accepts nothing more until {@link #resume()}; what the kernel queues meanwhile stays queued. */
    public void suspend() {
        accepting = false;
        updateAll();
    }

    /** Closes the sockets and takes them off the I/O threads' selectors, which then let their descriptors go. */
    public void close() {
        accepting = false;
        sockets.forEach(IoUtils::safeClose);
        acceptors.forEach(acceptor -> acceptor.registration.cancel());
    }

    private void updateAll() {
        for (Acceptor acceptor : acceptors) {
            try {
                acceptor.thread.execute(acceptor::update);
            } catch (RejectedExecutionException e) {
                // the worker is shutting down, and its selectors with it
            }
        }
    }

    private void closed() {
        if (open.decrementAndGet() <= lowWater && full.compareAndSet(true, false)) {
            updateAll();
        }
    }

    /** One I/O thread's accepting from one socket. */
    private final class Acceptor {
        private final XnioIoThread thread;
        private final ServerSocketChannel socket;
        private final Registration registration;
        /** Whether an accept failed a moment ago; read and written on {@link #thread} only. */
        private boolean backingOff;

        Acceptor(XnioIoThread thread, ServerSocketChannel socket) throws IOException {
            this.thread = thread;
            this.socket = socket;
            this.registration = ForeignSocketChannels.register(thread, socket, ops -> acceptSome());
        }

        /** Waits for connections when the listener accepts, has room, and accepting has not just failed. */
        void update() {
            if (accepting && !full.get() && !backingOff) {
                registration.resume(SelectionKey.OP_ACCEPT);
            } else {
                registration.suspend(SelectionKey.OP_ACCEPT);
            }
        }

        private void acceptSome() {
            for (int i = 0; i < BURST; i++) {
                if (open.get() >= highWater) {
                    if (full.compareAndSet(false, true)) {
                        if (open.get() <= lowWater) {
                            full.set(false); // enough closed meanwhile, before any close could see it full
                        }
                        updateAll();
                    }
                    return;
                }
                SocketChannel accepted;
                try {
                    accepted = socket.accept();
                } catch (ClosedChannelException e) {
                    return;
                } catch (IOException e) {
                    backOff();
                    return;
                }
                if (accepted == null) {
                    return;
                }
                serve(accepted);
            }
        }

        private void serve(SocketChannel accepted) {
            open.incrementAndGet();
            StreamConnection connection;
            try {
                accepted.configureBlocking(false);
                accepted.setOption(StandardSocketOptions.TCP_NODELAY, true);
                connection = ForeignSocketChannels.adopt(thread, accepted, AcceptingThreads.this::closed);
            } catch (IOException | RuntimeException e) {
                IoUtils.safeClose(accepted);
                closed();
                return;
            }
            ChannelListeners.invokeChannelListener(connection, connected);
        }

        private void backOff() {
            failed.run();
            backingOff = true;
            update();
            thread.executeAfter(() -> {
                backingOff = false;
                update();
            }, ACCEPT_RETRY.toMillis(), TimeUnit.MILLISECONDS);
        }
    }
}
