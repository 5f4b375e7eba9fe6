package org.xnio.nio;

import java.io.IOException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.channels.spi.AbstractSelectableChannel;
import java.util.Optional;
import java.util.function.IntConsumer;
import org.xnio.IoUtils;
import org.xnio.StreamConnection;
import org.xnio.XnioIoThread;

/**
 * wsproxy's door between JDK socket channels and XNIO connections, both ways: it hands a connected channel that XNIO
 * did not open (a Unix-domain one, or a TCP one wsproxy accepted itself) to an XNIO I/O thread as one of its own
 * stream connections, it registers a listening socket with one I/O thread's selector, so that the thread accepts
 * and serves its own connections (XNIO accepts on one thread and hands each connection to another), and it finds the
 * channel under an XNIO TCP connection and the selector under an I/O thread. XNIO has no public way to do these;
 * without the first, every Unix-socket read and write crossed between a selector thread of our own and the I/O
 * thread (two thread wake-ups per message). It lives in XNIO's package because the members it needs are
 * package-private; the shaded jar and the test class path load it with XNIO's own class loader, and compiling
 * against XNIO 3.8 checks the signatures it relies on. A thin shim: only {@code dev.wsproxy.server.platform} calls it.
 */
public final class ForeignSocketChannels {

    private ForeignSocketChannels() {
    }

    /**
     * Registers {@code channel} (connected, non-blocking) with {@code thread}'s selector and returns the XNIO
     * connection that drives it there, exactly as XNIO drives the TCP sockets it accepts.
     *
     * @throws IllegalArgumentException when {@code thread} is not an I/O thread of XNIO's NIO provider
     */
    public static StreamConnection adopt(XnioIoThread thread, SocketChannel channel) throws IOException {
        return new NioSocketStreamConnection(nio(thread), nio(thread).registerChannel(channel), null);
    }

    /** As {@link #adopt(XnioIoThread, SocketChannel)}, and runs {@code closed} once the connection has closed. */
    public static StreamConnection adopt(XnioIoThread thread, SocketChannel channel, Runnable closed)
            throws IOException {
        return new NioSocketStreamConnection(nio(thread), nio(thread).registerChannel(channel), closed::run);
    }

    /** A channel on one I/O thread's selector: the operations it waits for, changed on that thread. */
    public interface Registration {

        /** Waits for {@code ops} too. */
        void resume(int ops);

        /** Waits for {@code ops} no more. */
        void suspend(int ops);

        /** Takes the channel off the selector. */
        void cancel();
    }

    /**
     * Registers {@code channel} (non-blocking) with {@code thread}'s selector, waiting for nothing yet; the thread
     * runs {@code ready} with the ready operations whenever the selector reports some, and closes the channel when
     * the worker shuts down.
     *
     * @throws IllegalArgumentException when {@code thread} is not an I/O thread of XNIO's NIO provider
     */
    public static Registration register(XnioIoThread thread, AbstractSelectableChannel channel, IntConsumer ready)
            throws IOException {
        WorkerThread worker = nio(thread);
        Handle handle = new Handle(worker, worker.registerChannel(channel), ready);
        handle.getSelectionKey().attach(handle);
        return handle;
    }

    private static WorkerThread nio(XnioIoThread thread) {
        if (!(thread instanceof WorkerThread worker)) {
            throw new IllegalArgumentException("not an XNIO NIO thread: " + thread);
        }
        return worker;
    }

    /** What the I/O thread calls when the selector reports a registered channel ready. */
    private static final class Handle extends NioHandle implements Registration {
        private final IntConsumer ready;

        Handle(WorkerThread thread, SelectionKey key, IntConsumer ready) {
            super(thread, key);
            this.ready = ready;
        }

        @Override
        void handleReady(int ops) {
            ready.accept(ops);
        }

        @Override
        void forceTermination() {
            IoUtils.safeClose(getSelectionKey().channel());
        }

        @Override
        void terminated() {
            // nothing waits for the end
        }

        @Override
        public void resume(int ops) {
            super.resume(ops);
        }

        @Override
        public void suspend(int ops) {
            super.suspend(ops);
        }

        @Override
        public void cancel() {
            cancelKey(false);
        }
    }

    /** The selector {@code thread} selects on, or empty when it is not an I/O thread of XNIO's NIO provider. */
    public static Optional<Selector> selectorOf(XnioIoThread thread) {
        return thread instanceof WorkerThread worker ? Optional.of(worker.getSelector()) : Optional.empty();
    }

    /** The socket channel under {@code connection}, or empty when it is not a plain XNIO socket connection. */
    public static Optional<SocketChannel> channelOf(StreamConnection connection) {
        return connection instanceof NioSocketStreamConnection socket ? Optional.of(socket.getChannel())
                : Optional.empty();
    }
}
