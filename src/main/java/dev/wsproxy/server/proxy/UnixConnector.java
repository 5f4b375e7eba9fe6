package dev.wsproxy.server.proxy;

import dev.wsproxy.server.platform.XnioChannels;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import org.xnio.IoUtils;
import org.xnio.XnioIoThread;

/**
 * Connects to a Unix-socket backend on the requesting I/O thread, which then drives the connection. Linux completes
 * a Unix-socket connect at once or refuses it (a full backlog is EAGAIN, never "in progress"), so a non-blocking
 * connect neither blocks the thread nor needs a readiness wait.
 */
final class UnixConnector implements BackendConnector {

    private final Path path;

    UnixConnector(Path path) {
        this.path = path;
    }

    @Override
    public Runnable connect(XnioIoThread io, Callback callback) {
        AtomicBoolean cancelled = new AtomicBoolean();
        io.execute(() -> {
            if (cancelled.get()) {
                return;
            }
            SocketChannel channel = null;
            try {
                channel = SocketChannel.open(StandardProtocolFamily.UNIX);
                channel.configureBlocking(false);
                if (!channel.connect(UnixDomainSocketAddress.of(path))) {
                    throw new IOException("the connect did not complete at once");
                }
                callback.connected(XnioChannels.adoptUnix(io, channel));
            } catch (IOException e) {
                IoUtils.safeClose(channel);
                callback.failed(new IOException("unix:" + path + ": " + e.getMessage(), e));
            }
        });
        return () -> cancelled.set(true);
    }
}
