package dev.wsproxy.server.proxy;

import dev.wsproxy.server.platform.Epoll;
import dev.wsproxy.server.platform.SocketCalls;
import io.undertow.connector.ByteBufferPool;
import io.undertow.server.DefaultByteBufferPool;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Selector;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.xnio.XnioIoThread;

/**
 * A thread that drives the tunnels of plain sockets from an edge-triggered epoll set of its own: one per XNIO I/O
 * thread, created with that thread's first such tunnel, ended within a second of its worker's shutdown. Per event
 * it does what nginx does, a table lookup by descriptor number, then {@code recv} and {@code send}; on the I/O
 * thread the JDK's selector, XNIO's loop and the JDK channels spent as much CPU again around the same calls.
 */
final class TunnelLoop implements Runnable {

    private static final Map<XnioIoThread, TunnelLoop> LOOPS = new ConcurrentHashMap<>();
    private static final int EVENTS = 1024;
    /**
     * The most one read moves: a 16 KiB WebSocket message with its header in one {@code recv} and one {@code send}.
     * The server's 16 KiB buffers took two of each, and woke the receiving side twice (bench/websocket: 10-17% less
     * CPU per 16 KiB message this way, and a lower p99).
     */
    private static final int READ_SIZE = 64 * 1024;
    /** How often an idle loop looks whether its worker has shut down. */
    private static final int TICK_MILLIS = 1000;

    private final XnioIoThread io;
    private final Epoll epoll;
    private final ByteBuffer readBuffer = ByteBuffer.allocateDirect(READ_SIZE);
    /** Buffers of READ_SIZE for what a sink could not take of one read. */
    private final ByteBufferPool heldBuffers = new DefaultByteBufferPool(true, READ_SIZE);
    /** Holds every watched channel's descriptor open until this loop is done with it; see {@link Leg#guard}. */
    private final Selector closeGuard;
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final ArrayDeque<Direction> again = new ArrayDeque<>();
    private Leg[] legs = new Leg[1024];
    private boolean unguarded;
    private volatile boolean stopped;

    private TunnelLoop(XnioIoThread io) throws IOException {
        this.io = io;
        this.epoll = new Epoll(EVENTS);
        this.closeGuard = Selector.open();
    }

    /** The loop beside {@code io}, started on first use; empty when this JVM keeps epoll from wsproxy. */
    static Optional<TunnelLoop> beside(XnioIoThread io) {
        if (!Epoll.AVAILABLE || !SocketCalls.AVAILABLE || io.getWorker().isShutdown()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LOOPS.computeIfAbsent(io, TunnelLoop::start));
        } catch (IllegalStateException e) {
            return Optional.empty();
        }
    }

    private static TunnelLoop start(XnioIoThread io) {
        try {
            TunnelLoop loop = new TunnelLoop(io);
            Thread thread = new Thread(loop, "wsproxy-tunnels-" + io.getNumber());
            thread.setDaemon(true);
            thread.start();
            return loop;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs {@code task} on this loop's thread; after the loop has stopped, runs {@code orElse} where it is. */
    void execute(Runnable task, Runnable orElse) {
        tasks.add(() -> (stopped ? orElse : task).run());
        epoll.wake();
        if (stopped) {
            runTasks();
        }
    }

    /** The buffer every direction of this loop reads into; they run one at a time and leave nothing in it. */
    ByteBuffer readBuffer() {
        return readBuffer;
    }

    /** Where a direction keeps what its sink could not take of one read. */
    ByteBufferPool heldBuffers() {
        return heldBuffers;
    }

    /** Starts watching {@code leg}; on this loop's thread. */
    void watch(Leg leg) throws IOException {
        if (leg.fd() >= legs.length) {
            legs = Arrays.copyOf(legs, Math.max(leg.fd() + 1, legs.length * 2));
        }
        leg.guard(closeGuard);
        legs[leg.fd()] = leg;
        epoll.add(leg.fd());
    }

    /** Stops watching {@code leg}; a no-op for a leg never watched, and once the loop has stopped. */
    void forget(Leg leg) {
        int fd = leg.fd();
        if (!stopped && fd < legs.length && legs[fd] == leg) {
            legs[fd] = null;
            epoll.remove(fd);
            leg.unguard();
            unguarded = true;
        }
    }

    /** Runs {@code direction} again after this round of events: it stopped to let other connections have a turn. */
    void again(Direction direction) {
        again.add(direction);
    }

    @Override
    public void run() {
        try {
            while (!io.getWorker().isShutdown()) {
                runTasks();
                int n = epoll.await(again.isEmpty() ? TICK_MILLIS : 0);
                for (int i = 0; i < n; i++) {
                    int fd = epoll.descriptor(i);
                    Leg leg = fd < legs.length ? legs[fd] : null;
                    if (leg != null) {
                        leg.ready(epoll.events(i));
                    }
                }
                for (int i = again.size(); i > 0; i--) {
                    again.poll().run();
                }
                if (unguarded) {
                    // deregisters the cancelled guards, which completes the close of channels closed meanwhile
                    closeGuard.selectNow();
                    unguarded = false;
                }
            }
        } catch (IOException | RuntimeException e) {
            System.err.println("wsproxy: tunnel loop " + io.getNumber() + " stopped: " + e);
        } finally {
            stop();
        }
    }

    /** Ends every tunnel still here; tasks that come later run where they are sent from. */
    private void stop() {
        LOOPS.remove(io, this);
        for (Leg leg : legs) {
            if (leg != null) {
                leg.tunnelEnds("the server is stopping");
            }
        }
        stopped = true;
        runTasks();
        epoll.close();
        try {
            closeGuard.close();
        } catch (IOException e) {
            // closing a selector only deregisters its keys
        }
    }

    private void runTasks() {
        for (Runnable task; (task = tasks.poll()) != null; ) {
            task.run();
        }
    }
}
