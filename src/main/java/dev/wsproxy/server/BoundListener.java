package dev.wsproxy.server;

import java.net.InetSocketAddress;

/** A listener as it was bound: its config name, the real local address and port, and whether it speaks TLS. */
public record BoundListener(String name, InetSocketAddress address, boolean secure) {
}
