package dev.wsproxy.server;

import java.io.IOException;

/** What to do when a listener cannot bind, read from the system's error text. */
final class BindFailure {

    /** Below this port Linux needs root or CAP_NET_BIND_SERVICE to bind. */
    private static final int FIRST_UNPRIVILEGED_PORT = 1024;

    private BindFailure() {
    }

    static String hint(IOException e, int port) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("Permission denied") && port < FIRST_UNPRIVILEGED_PORT) {
            return "ports below 1024 need root: start wsproxy as root with `user` and `group` set, and it binds, then"
                    + " runs as that user; or grant the java binary CAP_NET_BIND_SERVICE";
        }
        if (message.contains("already in use")) {
            return "is another server using the port? Listeners of one config that share a port need reusePort 1";
        }
        if (message.contains("assign requested address")) {
            return "the address is not one of this machine's";
        }
        return "is another server using the port, or is the address not one of this machine's?";
    }
}
