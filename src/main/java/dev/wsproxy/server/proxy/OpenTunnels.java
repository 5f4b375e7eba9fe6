package dev.wsproxy.server.proxy;

import dev.wsproxy.server.log.ErrorLog;
import java.time.Duration;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.xnio.XnioWorker;

/**
 * The WebSocket tunnels open on the I/O threads of each XNIO worker, so that a stopping server can end its own the
 * WebSocket way: a close frame with code 1001 (going away) to each client and each backend, a short wait for their
 * answers, then the sockets close.
 */
public final class OpenTunnels {

    /** How long a stop waits for the closing handshakes. */
    public static final Duration CLOSE_WAIT = Duration.ofSeconds(2);
    /** How long a tunnel that is cut off may take to end on its thread. */
    private static final long CUT_OFF_WAIT_NANOS = TimeUnit.SECONDS.toNanos(2);
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    private static final Map<XnioWorker, Set<Tunnel>> OPEN = new ConcurrentHashMap<>();
    /** How many upgrades each worker has answered with 101 whose tunnel has not started yet. */
    private static final Map<XnioWorker, Integer> STARTING = new ConcurrentHashMap<>();
    /** Workers whose server is stopping: a tunnel that starts later goes away at once. Weak: they end. */
    private static final Set<XnioWorker> STOPPING = Collections.newSetFromMap(
            Collections.synchronizedMap(new WeakHashMap<>()));

    /** One open tunnel, as a stop sees it. */
    public interface Tunnel {

        /** Starts the closing handshake on the tunnel's own thread, once however often asked; it ends when done. */
        void goAway();

        /** Ends the tunnel on its own thread, {@code why} in its access-log line. */
        void cutOff(String why);

        boolean ended();
    }

    private OpenTunnels() {
    }

    /**
     * Notes an upgrade answered with 101 on one of {@code worker}'s threads, whose tunnel starts once the answer has
     * gone out: a stop that waited for the upgrade's request waits for its tunnel too.
     *
     * @return runs when the tunnel has started or never will, its first run counting
     */
    public static Runnable starting(XnioWorker worker) {
        STARTING.merge(worker, 1, Integer::sum);
        AtomicBoolean done = new AtomicBoolean();
        return () -> {
            if (done.compareAndSet(false, true)) {
                STARTING.computeIfPresent(worker, (w, n) -> n == 1 ? null : n - 1);
            }
        };
    }

    /**
     * Notes a tunnel that has started on one of {@code worker}'s I/O threads; where that server is already
     * stopping, the tunnel goes away at once.
     */
    public static void opened(XnioWorker worker, Tunnel tunnel) {
        OPEN.computeIfAbsent(worker, w -> ConcurrentHashMap.newKeySet()).add(tunnel);
        if (STOPPING.contains(worker)) {
            tunnel.goAway();
        }
    }

    /** Notes the end of a tunnel {@link #opened} before. */
    public static void ended(XnioWorker worker, Tunnel tunnel) {
        OPEN.computeIfPresent(worker, (w, tunnels) -> tunnels.remove(tunnel) && tunnels.isEmpty() ? null : tunnels);
    }

    /**
     * Ends every tunnel open on {@code worker}'s threads the WebSocket way and returns once all have ended: each
     * closing handshake gets {@code wait}, after which the tunnel is cut off. The error log says how many went
     * which way. A tunnel that starts meanwhile ({@link #starting}: Undertow hands an upgraded connection over
     * only after its request, which a stop waits for, has ended) goes away as soon as it starts, and is waited for.
     */
    public static void goingAway(XnioWorker worker, Duration wait, ErrorLog log) {
        STOPPING.add(worker);
        List<Tunnel> open = openOn(worker);
        if (!open.isEmpty()) {
            log.notice("closing " + open.size() + " WebSocket tunnel(s): close frame 1001 (going away) to each"
                    + " client and backend, " + wait.toMillis() + " ms for their answers");
        }
        open.forEach(Tunnel::goAway);
        Set<Tunnel> all = new HashSet<>(open);
        List<Tunnel> left = awaitEnd(worker, all, wait.toNanos());
        String cutOff = "server stopping: no closing handshake within " + wait.toMillis() + " ms";
        left.forEach(tunnel -> tunnel.cutOff(cutOff));
        List<Tunnel> stuck = left.isEmpty() ? left : awaitEnd(worker, all, CUT_OFF_WAIT_NANOS);
        if (!all.isEmpty()) {
            log.notice("WebSocket tunnels closed: " + (all.size() - left.size()) + " with a closing handshake (or by"
                    + " their peers), " + (left.size() - stuck.size()) + " cut off without one"
                    + (stuck.isEmpty() ? "" : ", " + stuck.size() + " still ending"));
        }
    }

    private static List<Tunnel> openOn(XnioWorker worker) {
        return List.copyOf(OPEN.getOrDefault(worker, Set.of()));
    }

    /**
     * Waits until no tunnel is open or starting on {@code worker}'s threads, at most {@code nanos}; returns those
     * still open, and adds every tunnel it saw to {@code all}.
     */
    private static List<Tunnel> awaitEnd(XnioWorker worker, Set<Tunnel> all, long nanos) {
        long deadline = System.nanoTime() + nanos;
        List<Tunnel> open = openOn(worker);
        while ((!open.isEmpty() || STARTING.containsKey(worker)) && System.nanoTime() < deadline) {
            LockSupport.parkNanos(POLL_NANOS);
            open = openOn(worker);
            all.addAll(open);
        }
        return open;
    }
}
