package dev.wsproxy.cli;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Free ports on the loopback addresses, for configs that must name a port before the server binds it. */
final class Loopback {

    private Loopback() {
    }

    /** A port free on {@code ip} a moment ago. */
    static int freePort(String ip) throws IOException {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(ip, 0));
            return socket.getLocalPort();
        }
    }

    /** Whether this machine can listen on {@code ::1}. */
    static boolean hasIpv6() {
        try {
            freePort("::1");
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
