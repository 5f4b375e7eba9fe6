package dev.wsproxy.server.platform;

import java.io.IOException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.Optional;
import org.xnio.OptionMap;
import org.xnio.StreamConnection;
import org.xnio.XnioIoThread;
import org.xnio.XnioWorker;
import org.xnio.channels.AcceptingChannel;
import org.xnio.nio.ForeignSocketChannels;

/**
 * The door between JDK socket channels and XNIO connections, which XNIO keeps package-private: Unix-socket channels
 * handed to an I/O thread as its own connections, listening sockets wsproxy bound itself served by a worker, and the
 * channel under a plain connection. Nothing else in wsproxy reaches into XNIO's package.
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

    /** How soon accepting is tried again after it failed, when the process had no descriptor left. */
    public static final Duration ACCEPT_RETRY = Duration.ofMillis(100);

    /**
     * Accepts on {@code channel} (bound, listening, non-blocking) with {@code worker}'s I/O threads, as
     * {@code XnioWorker.createStreamConnectionServer} does on a socket it binds; accepting starts suspended. A failed
     * accept is tried again after {@link #ACCEPT_RETRY}, where XNIO alone would wait up to 30 s, and runs
     * {@code failed} first, so that wsproxy says so in its own error log.
     */
    public static AcceptingChannel<StreamConnection> serve(XnioWorker worker, ServerSocketChannel channel,
                                                           OptionMap options, Runnable failed) throws IOException {
        return ForeignSocketChannels.serve(worker, channel, options, ACCEPT_RETRY.toMillis(), failed);
    }

    /** The socket channel under {@code connection}, or empty when it is not a plain XNIO socket connection. */
    public static Optional<SocketChannel> channelOf(StreamConnection connection) {
        return ForeignSocketChannels.channelOf(connection);
    }
}
