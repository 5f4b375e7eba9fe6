package dev.wsproxy.server.platform;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SocketChannel;
import org.xnio.StreamConnection;
import org.xnio.XnioIoThread;
import org.xnio.conduits.AbstractStreamSinkConduit;
import org.xnio.conduits.AbstractStreamSourceConduit;
import org.xnio.conduits.ConduitStreamSinkChannel;
import org.xnio.conduits.ConduitStreamSourceChannel;
import org.xnio.conduits.StreamSinkConduit;
import org.xnio.conduits.StreamSourceConduit;
import org.xnio.nio.ForeignSocketChannels;

/**
 * Turns connected JDK Unix-socket channels into XNIO connections of an I/O thread, so Undertow and the tunnel drive
 * them on that thread's own selector exactly like TCP sockets: no extra thread, no hand-off, and backpressure is
 * the kernel's socket buffer.
 */
final class UnixConnections {

    private UnixConnections() {
    }

    /** Adopts {@code channel} (connected, non-blocking) into {@code thread}; call on that thread. */
    static StreamConnection adopt(XnioIoThread thread, SocketChannel channel) throws IOException {
        StreamConnection connection = ForeignSocketChannels.adopt(thread, channel);
        ConduitStreamSinkChannel sink = connection.getSinkChannel();
        sink.setConduit(new HalfClosingSink(sink.getConduit(), channel));
        ConduitStreamSourceChannel source = connection.getSourceChannel();
        source.setConduit(new HalfClosingSource(source.getConduit(), channel));
        return connection;
    }

    /**
     * XNIO half-closes through {@code java.net.Socket}, which a Unix channel does not have: it updates its own state
     * and then fails with UnsupportedOperationException. So the socket is shut down here first, and that failure
     * is the expected end of XNIO's part.
     */
    private static void shutDown(IoAction socketShutdown, IoAction xnioShutdown) throws IOException {
        try {
            socketShutdown.run();
        } catch (ClosedChannelException alreadyClosed) {
            // XNIO notices the closed channel itself
        }
        try {
            xnioShutdown.run();
        } catch (UnsupportedOperationException expected) {
            // the socket was shut down above; XNIO's bookkeeping ran before it failed
        }
    }

    /** One shutdown step, of the socket or of XNIO's state. */
    private interface IoAction {
        void run() throws IOException;
    }

    /** The writing side of an adopted Unix socket, whose end of output is a real {@code shutdown(SHUT_WR)}. */
    private static final class HalfClosingSink extends AbstractStreamSinkConduit<StreamSinkConduit> {
        private final SocketChannel channel;

        HalfClosingSink(StreamSinkConduit next, SocketChannel channel) {
            super(next);
            this.channel = channel;
        }

        @Override
        public void terminateWrites() throws IOException {
            shutDown(channel::shutdownOutput, next::terminateWrites);
        }

        @Override
        public void truncateWrites() throws IOException {
            terminateWrites();
        }
    }

    /**
     * The reading side of an adopted Unix socket, whose end of input is a real {@code shutdown(SHUT_RD)}. XNIO also
     * shuts reads down by itself when a read meets the end of the stream, and fails there the same way.
     */
    private static final class HalfClosingSource extends AbstractStreamSourceConduit<StreamSourceConduit> {
        private final SocketChannel channel;

        HalfClosingSource(StreamSourceConduit next, SocketChannel channel) {
            super(next);
            this.channel = channel;
        }

        @Override
        public void terminateReads() throws IOException {
            shutDown(channel::shutdownInput, next::terminateReads);
        }

        @Override
        public int read(ByteBuffer dst) throws IOException {
            try {
                return next.read(dst);
            } catch (UnsupportedOperationException endOfStream) {
                return -1;
            }
        }

        @Override
        public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
            try {
                return next.read(dsts, offset, length);
            } catch (UnsupportedOperationException endOfStream) {
                return -1;
            }
        }
    }
}
