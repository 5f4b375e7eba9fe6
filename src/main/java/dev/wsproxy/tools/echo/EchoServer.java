package dev.wsproxy.tools.echo;

import dev.wsproxy.config.model.BackendAddress;
import dev.wsproxy.server.nio.SelectedKeySets;
import dev.wsproxy.server.proxy.unix.UnixListener;
import io.undertow.Undertow;
import io.undertow.server.DefaultByteBufferPool;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpUpgradeListener;
import io.undertow.server.protocol.http.HttpOpenListener;
import io.undertow.websockets.WebSocketProtocolHandshakeHandler;
import io.undertow.websockets.core.protocol.version13.Hybi13Handshake;
import io.undertow.websockets.extensions.PerMessageDeflateHandshake;
import java.io.Closeable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.xnio.OptionMap;

/**
 * A WebSocket echo backend on TCP addresses and Unix sockets alike: Undertow's RFC 6455 handshake (subprotocol
 * selection, optional {@code permessage-deflate}), then {@link FrameEcho} sends every frame back.
 */
public final class EchoServer implements Closeable {

    private final Undertow undertow;
    private final List<UnixListener> unixListeners;

    private EchoServer(Undertow undertow, List<UnixListener> unixListeners) {
        this.undertow = undertow;
        this.unixListeners = unixListeners;
    }

    /**
     * Starts serving on every address; port 0 picks a free port (see {@link #tcpAddresses()}).
     *
     * @param subprotocols the subprotocols it accepts, chosen in the client's order of preference
     * @param deflate      whether to accept {@code permessage-deflate}
     */
    public static EchoServer start(List<BackendAddress> addresses, Set<String> subprotocols, boolean deflate)
            throws IOException {
        WebSocketProtocolHandshakeHandler handler = new WebSocketProtocolHandshakeHandler(
                List.of(new Hybi13Handshake(new LinkedHashSet<>(subprotocols), deflate)),
                (HttpUpgradeListener) (connection, exchange) -> new FrameEcho(connection).start());
        if (deflate) {
            handler.addExtension(new PerMessageDeflateHandshake(false, 6));
        }
        Undertow.Builder builder = Undertow.builder().setIoThreads(1).setWorkerThreads(1).setHandler(handler);
        for (BackendAddress address : addresses) {
            if (address instanceof BackendAddress.Tcp tcp) {
                builder.addHttpListener(tcp.port(), tcp.host());
            }
        }
        Undertow undertow = builder.build();
        undertow.start();
        SelectedKeySets.install(undertow.getWorker());
        List<UnixListener> unixListeners = new ArrayList<>();
        try {
            for (BackendAddress address : addresses) {
                if (address instanceof BackendAddress.Unix unix) {
                    unixListeners.add(UnixListener.open(unix.path(), undertow.getWorker(), openListener(handler)));
                }
            }
        } catch (IOException e) {
            unixListeners.forEach(UnixListener::close);
            undertow.stop();
            throw e;
        }
        return new EchoServer(undertow, unixListeners);
    }

    /** The TCP addresses actually bound, in the order given. */
    public List<InetSocketAddress> tcpAddresses() {
        List<InetSocketAddress> bound = new ArrayList<>();
        for (Undertow.ListenerInfo info : undertow.getListenerInfo()) {
            SocketAddress address = info.getAddress();
            bound.add((InetSocketAddress) address);
        }
        return bound;
    }

    @Override
    public void close() {
        unixListeners.forEach(UnixListener::close);
        undertow.stop();
    }

    private static HttpOpenListener openListener(HttpHandler handler) {
        HttpOpenListener listener = new HttpOpenListener(new DefaultByteBufferPool(true, 16 * 1024), OptionMap.EMPTY);
        listener.setRootHandler(handler);
        return listener;
    }

}
