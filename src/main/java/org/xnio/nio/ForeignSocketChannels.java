package org.xnio.nio;

import java.io.IOException;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.xnio.OptionMap;
import org.xnio.StreamConnection;
import org.xnio.XnioExecutor;
import org.xnio.XnioIoThread;
import org.xnio.XnioWorker;
import org.xnio.channels.AcceptingChannel;

/**
 * wsproxy's door between JDK socket channels and XNIO connections, both ways: it hands a connected channel that XNIO
 * did not open, a Unix-domain one, to an XNIO I/O thread as one of its own stream connections, it accepts on a
 * listening socket that wsproxy bound itself (XNIO cannot set SO_REUSEPORT or the socket's family) with a short
 * retry after a failed accept, and it finds the
 * channel under an XNIO TCP connection and the selector under an I/O thread. XNIO has no public way to do these;
 * without the first, every Unix-socket read and write crossed between a selector thread of our own and the I/O
 * thread (two thread wake-ups per message). It lives in XNIO's package because the members it needs are
 * package-private; the shaded jar and the test class path load it with XNIO's own class loader, and compiling
 * against XNIO 3.8 checks the signatures it relies on. A thin shim: only {@code dev.wsproxy.server.platform} calls it.
 */
public final class ForeignSocketChannels {

    private ForeignSocketChannels() {
    }

    /**
     * Registers {@code channel} (connected, non-blocking) with {@code thread}'s selector and returns the XNIO
     * connection that drives it there, exactly as XNIO drives the TCP sockets it accepts.
     *
     * @throws IllegalArgumentException when {@code thread} is not an I/O thread of XNIO's NIO provider
     */
    public static StreamConnection adopt(XnioIoThread thread, SocketChannel channel) throws IOException {
        if (!(thread instanceof WorkerThread worker)) {
            throw new IllegalArgumentException("not an XNIO NIO thread: " + thread);
        }
        return new NioSocketStreamConnection(worker, worker.registerChannel(channel), null);
    }

    /**
     * Accepts on {@code channel} (bound, listening, non-blocking) with {@code worker}'s I/O threads, exactly as
     * {@code XnioWorker.createStreamConnectionServer} does on the socket it binds; accepting starts suspended.
     * After a failed accept (no descriptor left) XNIO stops accepting for 250 ms, four times longer after each
     * further failure, up to 30 s; here it tries again after {@code retryMillis} at most, so that accepting resumes
     * that soon after descriptors are free again, and runs {@code failed} each time it does.
     *
     * @throws IllegalArgumentException when {@code worker} is not a worker of XNIO's NIO provider
     */
    public static AcceptingChannel<StreamConnection> serve(XnioWorker worker, ServerSocketChannel channel,
                                                           OptionMap options, long retryMillis, Runnable failed)
            throws IOException {
        if (!(worker instanceof NioXnioWorker nio)) {
            throw new IllegalArgumentException("not an XNIO NIO worker: " + worker);
        }
        NioTcpServer server = new NioTcpServer(nio, channel, options, true);
        // the server accepts on one thread only (the last argument above), so it has one handle
        NioTcpServerHandle handle = server.getHandle(0);
        XnioExecutor.Key[] retries = new XnioExecutor.Key[1];
        retries[0] = handle.getWorkerThread().executeAtInterval(() -> {
            if (!server.isOpen()) {
                retries[0].remove();
            } else if (handle.getBackOffTime() > 0) {
                handle.endBackOff();
                failed.run();
            }
        }, retryMillis, TimeUnit.MILLISECONDS);
        return new QueuedNioTcpServer2(server);
    }

    /** The selector {@code thread} selects on, or empty when it is not an I/O thread of XNIO's NIO provider. */
    public static Optional<Selector> selectorOf(XnioIoThread thread) {
        return thread instanceof WorkerThread worker ? Optional.of(worker.getSelector()) : Optional.empty();
    }

    /** The socket channel under {@code connection}, or empty when it is not a plain XNIO socket connection. */
    public static Optional<SocketChannel> channelOf(StreamConnection connection) {
        return connection instanceof NioSocketStreamConnection socket ? Optional.of(socket.getChannel())
                : Optional.empty();
    }
}
