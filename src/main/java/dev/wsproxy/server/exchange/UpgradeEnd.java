package dev.wsproxy.server.exchange;

import dev.wsproxy.server.metrics.BackendFailure;
import java.util.Optional;

/**
 * How one WebSocket upgrade ended: the status the client got (101 for a tunnel that has closed), the bytes each
 * way, and, when wsproxy itself decided a 5xx, which backend failure and why.
 */
public record UpgradeEnd(String route, String backend, int status, long fromClient, long toClient,
                         Optional<BackendFailure> failure, String error) {
}
