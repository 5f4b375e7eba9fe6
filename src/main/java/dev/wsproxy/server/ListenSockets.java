package dev.wsproxy.server;

import dev.wsproxy.os.SocketOptions;
import dev.wsproxy.server.platform.ServerChannels;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.channels.ServerSocketChannel;
import java.util.ArrayList;
import java.util.List;
import org.xnio.IoUtils;

/**
 * Opens a listener's socket as OLS does: an IPv4 socket for an IPv4 address (so {@code *:80} never takes IPv6
 * clients), an IPv6 one for an IPv6 address, the IPv6 wildcard dual-stack and, when IPv4 sockets hold its port,
 * IPv6-only; {@code SO_REUSEPORT} when the listener's {@code reusePort} is on, and then as many sockets on the port
 * as the caller asks, one for each thread that accepts.
 */
final class ListenSockets {

    private ListenSockets() {
    }

    /**
     * {@code count} bound, listening, non-blocking sockets on one port, all with {@code SO_REUSEPORT} when there are
     * more than one; a single socket takes it only when asked to share the port.
     */
    static List<ServerSocketChannel> open(InetSocketAddress address, int count, boolean reusePort, int backlog)
            throws IOException {
        List<ServerSocketChannel> sockets = new ArrayList<>();
        try {
            sockets.add(open(address, reusePort || count > 1, backlog));
            // the same port for the others, which the first may have just picked (port 0)
            InetSocketAddress bound = new InetSocketAddress(address.getAddress(),
                    ((InetSocketAddress) sockets.get(0).getLocalAddress()).getPort());
            while (sockets.size() < count) {
                sockets.add(open(bound, true, backlog));
            }
            return sockets;
        } catch (IOException | RuntimeException e) {
            sockets.forEach(IoUtils::safeClose);
            throw e;
        }
    }

    /** A bound, listening, non-blocking socket. */
    private static ServerSocketChannel open(InetSocketAddress address, boolean reusePort, int backlog)
            throws IOException {
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
