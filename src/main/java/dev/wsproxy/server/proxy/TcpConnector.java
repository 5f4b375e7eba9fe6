package dev.wsproxy.server.proxy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.xnio.IoFuture;
import org.xnio.IoUtils;
import org.xnio.OptionMap;
import org.xnio.Options;
import org.xnio.StreamConnection;
import org.xnio.XnioIoThread;

/**
 * Connects to a TCP backend on the requesting XNIO I/O thread. A host name is resolved for every connect (on a
 * worker thread, so DNS never stalls the I/O thread); IP literals and {@code localhost} need no lookup.
 */
final class TcpConnector implements BackendConnector {

    private static final OptionMap OPTIONS = OptionMap.builder()
            .set(Options.TCP_NODELAY, true)
            .set(Options.KEEP_ALIVE, true)
            .getMap();

    private final String host;
    private final int port;
    private final boolean needsLookup;

    TcpConnector(String host, int port) {
        this.host = host;
        this.port = port;
        this.needsLookup = !host.equals("localhost") && !host.contains(":") && !isIpv4Literal(host);
    }

    @Override
    public Runnable connect(XnioIoThread io, Callback callback) {
        Attempt attempt = new Attempt(io, callback);
        if (needsLookup) {
            io.getWorker().execute(attempt::resolveThenOpen);
        } else {
            attempt.open(new InetSocketAddress(host, port));
        }
        return attempt::cancel;
    }

    private static boolean isIpv4Literal(String host) {
        return host.chars().allMatch(c -> c == '.' || (c >= '0' && c <= '9'));
    }

    /** One connect: resolution, the XNIO connect, and cancellation. */
    private final class Attempt {
        private final XnioIoThread io;
        private final Callback callback;
        private final AtomicBoolean over = new AtomicBoolean();
        private volatile IoFuture<StreamConnection> future;

        Attempt(XnioIoThread io, Callback callback) {
            this.io = io;
            this.callback = callback;
        }

        void resolveThenOpen() {
            try {
                InetSocketAddress address = new InetSocketAddress(InetAddress.getByName(host), port);
                io.execute(() -> open(address));
            } catch (UnknownHostException e) {
                io.execute(() -> fail(new IOException("cannot resolve " + host + ": " + e.getMessage(), e)));
            }
        }

        void open(InetSocketAddress address) {
            if (over.get()) {
                return;
            }
            future = io.openStreamConnection(address, null, OPTIONS);
            future.addNotifier(new IoFuture.HandlingNotifier<StreamConnection, Void>() {
                @Override
                public void handleDone(StreamConnection connection, Void attachment) {
                    if (over.compareAndSet(false, true)) {
                        callback.connected(connection);
                    } else {
                        IoUtils.safeClose(connection);
                    }
                }

                @Override
                public void handleFailed(IOException cause, Void attachment) {
                    fail(cause);
                }
            }, null);
        }

        void fail(IOException cause) {
            if (over.compareAndSet(false, true)) {
                callback.failed(cause);
            }
        }

        void cancel() {
            over.set(true);
            IoFuture<StreamConnection> pending = future;
            if (pending != null) {
                pending.cancel();
            }
        }
    }
}
