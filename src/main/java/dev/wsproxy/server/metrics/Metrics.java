package dev.wsproxy.server.metrics;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What a running wsproxy counts for {@code /metrics}: per vhost, requests by status class, tunnels, bytes relayed
 * and backend errors; and config reloads by result. Counters only grow, across reloads.
 */
public final class Metrics {

    /** The vhost label of requests that no vhost took (no Host matched). */
    public static final String NO_VHOST = "";

    private final Map<String, VhostCounters> vhosts = new ConcurrentHashMap<>();
    private final LongAdder reloadsOk = new LongAdder();
    private final LongAdder reloadsFailed = new LongAdder();

    /** The counters of {@code vhost}, created at zero the first time. */
    public VhostCounters vhost(String vhost) {
        return vhosts.computeIfAbsent(vhost, name -> new VhostCounters());
    }

    /** A reload of the config has ended: applied ({@code ok}) or refused, the old config kept. */
    public void reloaded(boolean ok) {
        (ok ? reloadsOk : reloadsFailed).increment();
    }

    SortedMap<String, VhostCounters> byVhost() {
        return new TreeMap<>(vhosts);
    }

    long reloads(boolean ok) {
        return (ok ? reloadsOk : reloadsFailed).sum();
    }
}
