package dev.wsproxy.server.proxy;

import dev.wsproxy.config.model.BackendAddress;
import java.io.IOException;
import org.xnio.StreamConnection;
import org.xnio.XnioIoThread;

/**
 * Opens connections to one backend, TCP or Unix socket alike: the result is always an XNIO
 * {@link StreamConnection} driven by the requesting I/O thread, so the tunnel never knows which kind it has.
 */
public interface BackendConnector {

    /** What happens when a connect attempt ends; exactly one method runs, on the requesting I/O thread. */
    interface Callback {
        void connected(StreamConnection connection);

        void failed(IOException cause);
    }

    /**
     * Starts connecting. The returned handle cancels an attempt that has not completed yet; a connection that
     * completes after the cancel is closed, and the callback does not run.
     */
    Runnable connect(XnioIoThread io, Callback callback);

    /** The connector for an address from the config. */
    static BackendConnector of(BackendAddress address) {
        if (address instanceof BackendAddress.Tcp tcp) {
            return new TcpConnector(tcp.host(), tcp.port());
        }
        return new UnixConnector(((BackendAddress.Unix) address).path());
    }
}
