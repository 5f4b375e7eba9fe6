package dev.wsproxy.server;

import dev.wsproxy.server.log.ErrorLog;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
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

    /** One open tunnel, as a stop sees it. */
    public interface Tunnel {

        /** Starts the closing handshake on the tunnel's own thread; the tunnel ends when it is done. */
        void goAway();

        /** Ends the tunnel on its own thread, {@code why} in its access-log line. */
        void cutOff(String why);

        boolean ended();
    }

    private OpenTunnels() {
    }

    /** Notes a tunnel that has started on one of {@code worker}'s I/O threads. */
    public static void opened(XnioWorker worker, Tunnel tunnel) {
        OPEN.computeIfAbsent(worker, w -> ConcurrentHashMap.newKeySet()).add(tunnel);
    }

    /** Notes the end of a tunnel {@link #opened} before. */
    public static void ended(XnioWorker worker, Tunnel tunnel) {
        OPEN.computeIfPresent(worker, (w, tunnels) -> tunnels.remove(tunnel) && tunnels.isEmpty() ? null : tunnels);
    }

    /**
     * Ends every tunnel open on {@code worker}'s threads the WebSocket way and returns once all have ended: each
     * closing handshake gets {@code wait}, after which the tunnel is cut off. The error log says how many went
     * which way.
     */
    public static void goingAway(XnioWorker worker, Duration wait, ErrorLog log) {
        List<Tunnel> tunnels = List.copyOf(OPEN.getOrDefault(worker, Set.of()));
        if (tunnels.isEmpty()) {
            return;
        }
        log.notice("closing " + tunnels.size() + " WebSocket tunnel(s): close frame 1001 (going away) to each"
                + " client and backend, " + wait.toMillis() + " ms for their answers");
        tunnels.forEach(Tunnel::goAway);
        List<Tunnel> left = awaitEnd(tunnels, wait.toNanos());
        left.forEach(tunnel -> tunnel.cutOff("server stopping: no closing handshake within " + wait.toMillis() + " ms"));
        List<Tunnel> stuck = awaitEnd(left, CUT_OFF_WAIT_NANOS);
        log.notice("WebSocket tunnels closed: " + (tunnels.size() - left.size()) + " with a closing handshake (or by"
                + " their peers), " + (left.size() - stuck.size()) + " cut off without one"
                + (stuck.isEmpty() ? "" : ", " + stuck.size() + " still ending"));
    }

    /** Waits until every one of {@code tunnels} has ended, at most {@code nanos}; returns those that have not. */
    private static List<Tunnel> awaitEnd(List<Tunnel> tunnels, long nanos) {
        long deadline = System.nanoTime() + nanos;
        List<Tunnel> open = tunnels;
        while (!open.isEmpty() && System.nanoTime() < deadline) {
            LockSupport.parkNanos(POLL_NANOS);
            open = open.stream().filter(tunnel -> !tunnel.ended()).toList();
        }
        return open;
    }
}
