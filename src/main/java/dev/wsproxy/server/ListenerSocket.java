package dev.wsproxy.server;

import dev.wsproxy.server.platform.AcceptingThreads;
import dev.wsproxy.server.platform.XnioChannels;
import io.undertow.protocols.ssl.UndertowXnioSsl;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLContext;
import org.xnio.ChannelListener;
import org.xnio.IoUtils;
import org.xnio.OptionMap;
import org.xnio.Options;
import org.xnio.StreamConnection;
import org.xnio.Xnio;
import org.xnio.XnioWorker;

/**
 * One bound listener of a running server, with its listening sockets: it accepts into Undertow, takes a new TLS
 * context for the connections it accepts next, and closes without resetting the connections already waiting in
 * its sockets' queues.
 */
final class ListenerSocket {

    /** The TLS context a secure listener wraps each new connection in; existing connections keep theirs. */
    static final class Tls {

        private final Xnio xnio;
        private volatile UndertowXnioSsl ssl;

        Tls(Xnio xnio, SSLContext context) {
            this.xnio = xnio;
            use(context);
        }

        void use(SSLContext context) {
            ssl = new UndertowXnioSsl(xnio, OptionMap.create(Options.USE_DIRECT_BUFFERS, true), context);
        }

        StreamConnection wrap(StreamConnection connection) {
            return ssl.wrapExistingConnection(connection, OptionMap.EMPTY, false);
        }
    }

    private final XnioWorker worker;
    private final AcceptingThreads accepting;
    private final ChannelListener<StreamConnection> connected;
    private final Tls tls;
    private final InetSocketAddress address;
    private final AtomicBoolean closed = new AtomicBoolean();

    ListenerSocket(XnioWorker worker, AcceptingThreads accepting, ChannelListener<StreamConnection> connected, Tls tls)
            throws IOException {
        this.worker = worker;
        this.accepting = accepting;
        this.connected = connected;
        this.tls = tls;
        this.address = (InetSocketAddress) accepting.sockets().get(0).getLocalAddress();
    }

    /** The address actually bound. */
    InetSocketAddress address() {
        return address;
    }

    void startAccepting() {
        accepting.resume();
    }

    /** Serves this listener's next connections with {@code context}; a plain listener has none to change. */
    void useTls(SSLContext context) {
        if (tls != null) {
            tls.use(context);
        }
    }

    /**
     * Stops accepting, then accepts and serves what the kernel already queued before closing the socket: closing a
     * listening socket resets the connections in its queue, which a client of a {@code SO_REUSEPORT} group would see
     * as a refused connection during a handover. What arrives between the last accept and the close is still reset
     * (microseconds; the kernel's {@code net.ipv4.tcp_migrate_req} moves even those to the group's other sockets).
     */
    void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        accepting.suspend();
        for (ServerSocketChannel socket : accepting.sockets()) {
            try {
                for (SocketChannel queued = socket.accept(); queued != null; queued = socket.accept()) {
                    serve(queued);
                }
            } catch (IOException e) {
                // the socket failed or is closed already: nothing more can be taken from its queue
            }
        }
        accepting.close();
    }

    private void serve(SocketChannel queued) {
        try {
            queued.configureBlocking(false);
            queued.setOption(StandardSocketOptions.TCP_NODELAY, true);
            connected.handleEvent(XnioChannels.adoptTcp(worker.getIoThread(), queued));
        } catch (IOException | RuntimeException e) {
            IoUtils.safeClose(queued);
        }
    }
}
