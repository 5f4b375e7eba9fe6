package dev.wsproxy.server.metrics;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/** The counters of one vhost (or of the requests no vhost took): requests, tunnels, bytes and backend errors. */
public final class VhostCounters {

    private final LongAdder[] requestsByClass = {new LongAdder(), new LongAdder(), new LongAdder(), new LongAdder(),
        new LongAdder()};
    private final LongAdder tunnelsOpen = new LongAdder();
    private final LongAdder tunnelsTotal = new LongAdder();
    private final LongAdder bytesFromClient = new LongAdder();
    private final LongAdder bytesToClient = new LongAdder();
    private final Map<BackendFailure, LongAdder> backendErrors = new EnumMap<>(BackendFailure.class);

    VhostCounters() {
        for (BackendFailure kind : BackendFailure.values()) {
            backendErrors.put(kind, new LongAdder());
        }
    }

    /** A request (or an upgrade) has ended with {@code status}. */
    public void request(int status) {
        int statusClass = status / 100;
        if (statusClass >= 1 && statusClass <= 5) {
            requestsByClass[statusClass - 1].increment();
        }
    }

    /** A tunnel has opened: the client got 101. */
    public void tunnelOpened() {
        tunnelsOpen.increment();
        tunnelsTotal.increment();
    }

    /** A tunnel has ended after relaying these bytes. */
    public void tunnelClosed(long fromClient, long toClient) {
        tunnelsOpen.decrement();
        bytesFromClient.add(fromClient);
        bytesToClient.add(toClient);
    }

    public void backendFailed(BackendFailure kind) {
        backendErrors.get(kind).increment();
    }

    long requests(int statusClass) {
        return requestsByClass[statusClass - 1].sum();
    }

    long tunnelsOpen() {
        return tunnelsOpen.sum();
    }

    long tunnelsTotal() {
        return tunnelsTotal.sum();
    }

    long bytesFromClient() {
        return bytesFromClient.sum();
    }

    long bytesToClient() {
        return bytesToClient.sum();
    }

    long backendErrors(BackendFailure kind) {
        return backendErrors.get(kind).sum();
    }
}
