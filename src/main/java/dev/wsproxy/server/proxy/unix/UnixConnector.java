package dev.wsproxy.server.proxy.unix;

import dev.wsproxy.server.proxy.BackendConnector;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.xnio.IoUtils;
import org.xnio.XnioIoThread;

/** Connects to a Unix-socket backend without blocking: the connect runs on the {@link UnixSocketLoop}. */
public final class UnixConnector implements BackendConnector {

    private static final int PENDING = 0;
    private static final int DELIVERED = 1;
    private static final int CANCELLED = 2;

    private final Path path;
    private final UnixSocketLoop loop = UnixSocketLoop.shared();

    public UnixConnector(Path path) {
        this.path = path;
    }

    @Override
    public Runnable connect(XnioIoThread io, Callback callback) {
        AtomicInteger state = new AtomicInteger(PENDING);
        SocketChannel[] pending = new SocketChannel[1];
        loop.execute(() -> {
            if (state.get() != PENDING) {
                return;
            }
            SocketChannel channel = null;
            try {
                UnixDomainSocketAddress address = UnixDomainSocketAddress.of(path);
                channel = SocketChannel.open(StandardProtocolFamily.UNIX);
                channel.configureBlocking(false);
                if (channel.connect(address)) {
                    deliver(io, callback, state, channel, address, null);
                } else {
                    pending[0] = channel;
                    SocketChannel connecting = channel;
                    loop.register(channel, SelectionKey.OP_CONNECT, key -> {
                        try {
                            if (connecting.finishConnect()) {
                                pending[0] = null;
                                deliver(io, callback, state, connecting, address, key);
                            }
                        } catch (IOException e) {
                            key.cancel();
                            IoUtils.safeClose(connecting);
                            fail(io, callback, state, e);
                        }
                    });
                }
            } catch (IOException e) {
                IoUtils.safeClose(channel);
                fail(io, callback, state, e);
            }
        });
        return () -> {
            if (state.compareAndSet(PENDING, CANCELLED)) {
                loop.execute(() -> IoUtils.safeClose(pending[0]));
            }
        };
    }

    private void deliver(XnioIoThread io, Callback callback, AtomicInteger state, SocketChannel channel,
                         UnixDomainSocketAddress address, SelectionKey key) {
        UnixStreamConnection connection = new UnixStreamConnection(io, channel, loop, address);
        if (key != null) {
            connection.adopt(key);
        }
        io.execute(() -> {
            if (state.compareAndSet(PENDING, DELIVERED)) {
                callback.connected(connection);
            } else {
                IoUtils.safeClose(connection);
            }
        });
    }

    private void fail(XnioIoThread io, Callback callback, AtomicInteger state, IOException cause) {
        io.execute(() -> {
            if (state.compareAndSet(PENDING, CANCELLED)) {
                callback.failed(new IOException("unix:" + path + ": " + cause.getMessage(), cause));
            }
        });
    }
}
