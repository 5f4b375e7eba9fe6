package dev.wsproxy.server;

import dev.wsproxy.config.model.Listener;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * Turns Undertow's failure to bind into a message naming the listener: each listener's address is tried
 * again alone, and the first that cannot be bound is reported with the system's reason.
 */
final class BindFailure {

    private BindFailure() {
    }

    static String describe(Iterable<Listener> listeners, ListenerPorts ports, RuntimeException failure) {
        for (Listener listener : listeners) {
            int port = ports.portFor(listener);
            String address = listener.address().host().contains(":") ? "[" + listener.address().host() + "]:" + port
                    : listener.address().host() + ":" + port;
            try (ServerSocket probe = new ServerSocket()) {
                probe.setReuseAddress(true);
                probe.bind(new InetSocketAddress(InetAddress.getByName(listener.address().host()), port));
            } catch (IOException e) {
                return "listener " + listener.name() + " cannot listen on " + address + ": " + e.getMessage()
                        + " (is another server using the port, or is the address not one of this machine's?)";
            }
        }
        Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
        return "cannot start the listeners: " + cause;
    }
}
