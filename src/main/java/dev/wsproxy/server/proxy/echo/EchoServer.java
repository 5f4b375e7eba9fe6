package dev.wsproxy.server.proxy.echo;

import dev.wsproxy.config.model.BackendAddress;
import dev.wsproxy.server.proxy.unix.UnixListener;
import io.undertow.Undertow;
import io.undertow.server.DefaultByteBufferPool;
import io.undertow.server.HttpHandler;
import io.undertow.server.protocol.http.HttpOpenListener;
import io.undertow.websockets.WebSocketConnectionCallback;
import io.undertow.websockets.WebSocketProtocolHandshakeHandler;
import io.undertow.websockets.core.AbstractReceiveListener;
import io.undertow.websockets.core.BufferedBinaryMessage;
import io.undertow.websockets.core.BufferedTextMessage;
import io.undertow.websockets.core.WebSocketCallback;
import io.undertow.websockets.core.WebSocketChannel;
import io.undertow.websockets.core.WebSockets;
import io.undertow.websockets.core.protocol.version13.Hybi13Handshake;
import io.undertow.websockets.extensions.PerMessageDeflateHandshake;
import java.io.Closeable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.xnio.OptionMap;
import org.xnio.Pooled;

/**
 * A WebSocket echo backend: Undertow's RFC 6455 server (handshake, subprotocol selection, optional
 * {@code permessage-deflate}, ping/pong, close-code echo) answering every text or binary message with the same
 * message, on TCP addresses and on Unix sockets alike.
 */
public final class EchoServer implements Closeable {

    /** The largest message echoed; bigger ones close the connection (RFC 6455 code 1009). */
    private static final long MAX_MESSAGE = 64L * 1024 * 1024;

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
                (WebSocketConnectionCallback) (exchange, channel) -> echo(channel));
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

    private static void echo(WebSocketChannel channel) {
        channel.getReceiveSetter().set(new AbstractReceiveListener() {
            @Override
            protected void onFullTextMessage(WebSocketChannel ws, BufferedTextMessage message) {
                WebSockets.sendText(message.getData(), ws, null);
            }

            @Override
            protected void onFullBinaryMessage(WebSocketChannel ws, BufferedBinaryMessage message) {
                Pooled<ByteBuffer[]> data = message.getData();
                WebSockets.sendBinary(data.getResource(), ws, new WebSocketCallback<Void>() {
                    @Override
                    public void complete(WebSocketChannel sent, Void context) {
                        data.close();
                    }

                    @Override
                    public void onError(WebSocketChannel failed, Void context, Throwable throwable) {
                        data.close();
                    }
                });
            }

            @Override
            protected long getMaxTextBufferSize() {
                return MAX_MESSAGE;
            }

            @Override
            protected long getMaxBinaryBufferSize() {
                return MAX_MESSAGE;
            }
        });
        channel.resumeReceives();
    }
}
