package dev.wsproxy.server.proxy;

import dev.wsproxy.config.model.BackendAddress;
import dev.wsproxy.tools.echo.EchoServer;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;

/** The transports a backend can listen on in the tests, and echo backends started on them. */
enum Backends {
    TCP_IPV4, TCP_IPV6, UNIX;

    /** An address of this kind to listen on: port 0 for TCP, a fresh socket file under {@code dir} for Unix. */
    BackendAddress listenAddress(Path dir) {
        return switch (this) {
            case TCP_IPV4 -> new BackendAddress.Tcp("127.0.0.1:0", "127.0.0.1", 0);
            case TCP_IPV6 -> {
                Assumptions.assumeTrue(hasIpv6Loopback(), "no ::1 on this machine");
                yield new BackendAddress.Tcp("[::1]:0", "::1", 0);
            }
            case UNIX -> Front.unix(dir.resolve("echo.sock"));
        };
    }

    /** Starts an echo backend of this kind; {@link #address(EchoServer, Path)} says where it is. */
    EchoServer startEcho(Path dir, Set<String> subprotocols, boolean deflate) throws Exception {
        return EchoServer.start(List.of(listenAddress(dir)), subprotocols, deflate);
    }

    BackendAddress address(EchoServer echo, Path dir) {
        return this == UNIX ? listenAddress(dir) : Front.tcp(echo.tcpAddresses().get(0));
    }

    static boolean hasIpv6Loopback() {
        try {
            NetworkInterface loopback = NetworkInterface.getByInetAddress(InetAddress.getByName("::1"));
            return loopback != null && loopback.inetAddresses().anyMatch(a -> a instanceof Inet6Address);
        } catch (Exception e) {
            return false;
        }
    }
}
