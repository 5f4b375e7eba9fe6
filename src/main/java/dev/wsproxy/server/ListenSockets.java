package dev.wsproxy.server;

import dev.wsproxy.os.SocketOptions;
import dev.wsproxy.server.platform.ServerChannels;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.channels.ServerSocketChannel;

/**
 * Opens a listener's socket as OLS does: an IPv4 socket for an IPv4 address (so {@code *:80} never takes IPv6
 * clients), an IPv6 one for an IPv6 address, the IPv6 wildcard dual-stack and, when IPv4 sockets hold its port,
 * IPv6-only; {@code SO_REUSEPORT} when the listener's {@code reusePort} is on.
 */
final class ListenSockets {

    private ListenSockets() {
    }

    /** A bound, listening, non-blocking socket. */
    static ServerSocketChannel open(InetSocketAddress address, boolean reusePort, int backlog) throws IOException {
        try {
            return bound(address, reusePort, backlog, false);
        } catch (IOException e) {
            if (!(address.getAddress() instanceof Inet6Address) || !address.getAddress().isAnyLocalAddress()) {
                throw e;
            }
            try {
                return bound(address, reusePort, backlog, true);
            } catch (IOException retry) {
                e.addSuppressed(retry);
                throw e;
            }
        }
    }

    private static ServerSocketChannel bound(InetSocketAddress address, boolean reusePort, int backlog,
                                             boolean ipv6Only) throws IOException {
        boolean ipv6 = address.getAddress() instanceof Inet6Address;
        ServerSocketChannel channel = ServerSocketChannel.open(ipv6 ? StandardProtocolFamily.INET6
                : StandardProtocolFamily.INET);
        try {
            channel.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            channel.setOption(StandardSocketOptions.SO_REUSEPORT, reusePort);
            if (ipv6Only) {
                SocketOptions.ipv6Only(ServerChannels.descriptorOf(channel).orElseThrow(() -> new IOException(
                        "an IPv6-only retry needs --add-opens java.base/sun.nio.ch=ALL-UNNAMED (bin/wsproxy adds it)")));
            }
            channel.configureBlocking(false);
            channel.bind(address, backlog);
            return channel;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }
}
