package dev.wsproxy.tools.echo;

import dev.wsproxy.server.platform.XnioChannels;
import java.io.Closeable;
import java.io.IOException;
import java.net.SocketException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.xnio.ChannelListener;
import org.xnio.IoUtils;
import org.xnio.StreamConnection;
import org.xnio.XnioIoThread;
import org.xnio.XnioWorker;

/**
 * A Unix-socket server socket whose accepted connections are handed, as XNIO connections of the worker's I/O threads,
 * to an XNIO open listener (for example Undertow's {@code HttpOpenListener}). One thread blocks in accept: only the
 * echo backend listens on Unix sockets, and accepting is rare next to the traffic, which runs on the I/O threads.
 */
final class UnixListener implements Closeable {

    private final Path path;
    private final ServerSocketChannel server;

    private UnixListener(Path path, ServerSocketChannel server) {
        this.path = path;
        this.server = server;
    }

    /**
     * Listens on {@code path}. A socket file left behind by a dead process is replaced; a live socket, or any other
     * kind of file, is an error.
     */
    static UnixListener open(Path path, XnioWorker worker, ChannelListener<? super StreamConnection> opened)
            throws IOException {
        removeStaleSocket(path);
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(path), 1024);
        // connecting needs write permission on the file; clients of other users (nginx workers run as nobody) may
        // connect: who may reach it is left to the directory's permissions
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwxrwxrwx"));
        UnixListener listener = new UnixListener(path, server);
        Thread acceptor = new Thread(() -> listener.acceptUntilClosed(worker, opened), "wsproxy-accept " + path);
        acceptor.setDaemon(true);
        acceptor.start();
        return listener;
    }

    private void acceptUntilClosed(XnioWorker worker, ChannelListener<? super StreamConnection> opened) {
        while (server.isOpen()) {
            SocketChannel channel = null;
            try {
                channel = server.accept();
                channel.configureBlocking(false);
                XnioIoThread io = worker.getIoThread();
                SocketChannel accepted = channel;
                io.execute(() -> handOver(io, accepted, opened));
            } catch (AsynchronousCloseException closed) {
                return;
            } catch (IOException e) {
                // EMFILE and friends: the connection stays in the backlog; pause rather than spin on the error
                IoUtils.safeClose(channel);
                System.err.println("wsproxy: accept on " + path + ": " + e.getMessage());
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
            }
        }
    }

    private static void handOver(XnioIoThread io, SocketChannel channel,
                                 ChannelListener<? super StreamConnection> opened) {
        try {
            opened.handleEvent(XnioChannels.adoptUnix(io, channel));
        } catch (IOException e) {
            IoUtils.safeClose(channel);
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
        IoUtils.safeClose(server);
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            System.err.println("wsproxy: cannot remove " + path + ": " + e.getMessage());
        }
    }
}
