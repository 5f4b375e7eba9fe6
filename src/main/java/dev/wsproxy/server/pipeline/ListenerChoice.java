package dev.wsproxy.server.pipeline;

import dev.wsproxy.config.model.Listener;
import java.net.InetAddress;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The listener a connection to a URL's host and port reaches, as the kernel picks it: one bound to that address,
 * else a wildcard of the address's family, else the IPv6 wildcard (dual stack). A host name is not resolved: it
 * reaches the first listener on the port, wildcards first.
 */
final class ListenerChoice {

    private ListenerChoice() {
    }

    static Optional<Listener> of(List<Listener> listeners, String host, int port) {
        List<Listener> onPort = listeners.stream().filter(l -> l.address().port() == port).toList();
        Optional<InetAddress> ip = ExplainRequest.ipLiteral(host);
        if (ip.isEmpty()) {
            return onPort.stream().min(Comparator.comparing(l -> !l.address().ip().isAnyLocalAddress()));
        }
        return onPort.stream().filter(l -> l.address().ip().equals(ip.get())).findFirst()
                .or(() -> onPort.stream().filter(l -> l.address().ip().isAnyLocalAddress()
                        && l.address().ip().getClass() == ip.get().getClass()).findFirst())
                .or(() -> onPort.stream().filter(l -> l.address().ip().isAnyLocalAddress()).findFirst());
    }
}
