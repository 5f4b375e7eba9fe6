package dev.wsproxy.server.proxy.unix;

import java.io.Closeable;
import java.io.IOException;
import java.net.SocketAddress;
import java.net.SocketException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SelectionKey;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.newsclub.net.unix.AFUNIXSocketAddress;
import org.xnio.ChannelListener;
import org.xnio.IoUtils;
import org.xnio.StreamConnection;
import org.xnio.XnioWorker;

/**
 * A Unix-socket server socket whose accepted connections are handed, as {@link UnixStreamConnection}s, to an XNIO
 * open listener (for example Undertow's {@code HttpOpenListener}) on the worker's I/O threads.
 */
public final class UnixListener implements Closeable {

    private final Path path;
    private final ServerSocketChannel server;
    private final UnixSocketLoop loop = UnixSocketLoop.shared();

    private UnixListener(Path path, ServerSocketChannel server) {
        this.path = path;
        this.server = server;
    }

    /**
     * Listens on {@code path}. A socket file left behind by a dead process is replaced; a live socket, or any other
     * kind of file, is an error.
     */
    public static UnixListener open(Path path, XnioWorker worker, ChannelListener<? super StreamConnection> opened)
            throws IOException {
        removeStaleSocket(path);
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(path), 1024);
        // Undertow asks connections for an InetSocketAddress, which junixsocket's Unix address is and the JDK's is not
        SocketAddress address = AFUNIXSocketAddress.of(path);
        server.configureBlocking(false);
        UnixListener listener = new UnixListener(path, server);
        listener.loop.execute(() -> {
            try {
                listener.loop.register(server, SelectionKey.OP_ACCEPT, key -> listener.accept(worker, opened, address));
            } catch (IOException e) {
                System.err.println("wsproxy: cannot watch " + path + ": " + e.getMessage());
            }
        });
        return listener;
    }

    private void accept(XnioWorker worker, ChannelListener<? super StreamConnection> opened,
                        SocketAddress address) {
        try {
            for (SocketChannel channel = server.accept(); channel != null; channel = server.accept()) {
                channel.configureBlocking(false);
                UnixStreamConnection connection =
                        new UnixStreamConnection(worker.getIoThread(), channel, loop, address);
                connection.getIoThread().execute(() -> opened.handleEvent(connection));
            }
        } catch (IOException e) {
            // EMFILE and friends: the connection stays in the backlog and is retried on the next readiness
            System.err.println("wsproxy: accept on " + path + ": " + e.getMessage());
        }
    }

    private static void removeStaleSocket(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        if (Files.isRegularFile(path) || Files.isDirectory(path)) {
            throw new IOException(path + " exists and is not a socket; remove it or choose another path");
        }
        try (SocketChannel probe = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            probe.connect(UnixDomainSocketAddress.of(path));
            throw new IOException(path + " is in use by another server");
        } catch (SocketException e) {
            Files.deleteIfExists(path);
        }
    }

    /** Stops accepting and removes the socket file; accepted connections live on. */
    @Override
    public void close() {
        CountDownLatch closed = new CountDownLatch(1);
        loop.execute(() -> {
            IoUtils.safeClose(server);
            closed.countDown();
        });
        try {
            closed.await(5, TimeUnit.SECONDS);
            Files.deleteIfExists(path);
        } catch (IOException e) {
            System.err.println("wsproxy: cannot remove " + path + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
