package dev.wsproxy.server.platform;

import java.io.IOException;
import java.nio.channels.SocketChannel;
import java.util.Optional;
import org.xnio.StreamConnection;
import org.xnio.XnioIoThread;
import org.xnio.nio.ForeignSocketChannels;

/**
 * The door between JDK socket channels and XNIO connections, which XNIO keeps package-private: Unix-socket channels
 * handed to an I/O thread as its own connections, and the channel under a plain connection. Nothing else in wsproxy
 * reaches into XNIO's package but {@link AcceptingThreads}, which registers listening sockets with I/O threads.
 */
public final class XnioChannels {

    private XnioChannels() {
    }

    /**
     * Makes {@code channel}, a connected non-blocking Unix-socket channel, a connection of {@code thread}, which
     * drives it on its own selector exactly like a TCP socket; call on that thread.
     */
    public static StreamConnection adoptUnix(XnioIoThread thread, SocketChannel channel) throws IOException {
        return UnixConnections.adopt(thread, channel);
    }

    /** Makes {@code channel}, an accepted non-blocking TCP socket, a connection of {@code thread}; call on that thread. */
    public static StreamConnection adoptTcp(XnioIoThread thread, SocketChannel channel) throws IOException {
        return ForeignSocketChannels.adopt(thread, channel);
    }

    /** The socket channel under {@code connection}, or empty when it is not a plain XNIO socket connection. */
    public static Optional<SocketChannel> channelOf(StreamConnection connection) {
        return ForeignSocketChannels.channelOf(connection);
    }
}
