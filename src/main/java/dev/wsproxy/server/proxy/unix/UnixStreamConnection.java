package dev.wsproxy.server.proxy.unix;

import java.io.IOException;
import java.net.SocketAddress;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.concurrent.TimeUnit;
import org.xnio.IoUtils;
import org.xnio.StreamConnection;
import org.xnio.XnioIoThread;
import org.xnio.XnioWorker;
import org.xnio.channels.StreamSinkChannel;
import org.xnio.channels.StreamSourceChannel;
import org.xnio.conduits.Conduits;
import org.xnio.conduits.ReadReadyHandler;
import org.xnio.conduits.StreamSinkConduit;
import org.xnio.conduits.StreamSourceConduit;
import org.xnio.conduits.WriteReadyHandler;

/**
 * A connected non-blocking JDK Unix socket channel presented as an XNIO {@link StreamConnection}, so Undertow and the
 * tunnel use it like a TCP connection. Reads and writes run on the owning XNIO I/O thread, straight on the
 * socket; waiting for readiness is delegated to the {@link UnixSocketLoop}, which is armed only while a reader or
 * writer is resumed and disarms itself after each event. A handler that stops reading therefore stops the socket
 * being read: backpressure is the kernel's socket buffer, as for TCP, and no bytes are buffered here.
 */
public final class UnixStreamConnection extends StreamConnection {

    private final SocketChannel channel;
    private final UnixSocketLoop loop;
    private final SocketAddress address;
    private final SocketConduit conduit = new SocketConduit();
    private final Runnable readTask = this::runReadTask;
    private final Runnable writeTask = this::runWriteTask;
    private final Runnable update = this::updateOnLoop;

    // Shared between the I/O thread and the loop; guarded by this.
    private boolean readsResumed;
    private boolean writesResumed;
    private boolean readArmed;
    private boolean writeArmed;
    private boolean updateQueued;
    private boolean closing;
    /** The peer hung up: the socket is ready for good (data then end of stream, or an error), so nobody waits. */
    private boolean hungUp;

    /** Loop thread only. */
    private SelectionKey key;

    UnixStreamConnection(XnioIoThread thread, SocketChannel channel, UnixSocketLoop loop,
                         SocketAddress address) {
        super(thread);
        this.channel = channel;
        this.loop = loop;
        this.address = address;
        setSourceConduit(conduit);
        setSinkConduit(conduit);
    }

    @Override
    public SocketAddress getPeerAddress() {
        return address;
    }

    @Override
    public SocketAddress getLocalAddress() {
        return address;
    }

    @Override
    protected void notifyWriteClosed() {
        conduit.writeTerminated();
    }

    @Override
    protected void notifyReadClosed() {
        conduit.readTerminated();
    }

    @Override
    protected void closeAction() {
        synchronized (this) {
            closing = true;
            readsResumed = false;
            writesResumed = false;
        }
        requestUpdate();
    }

    // --- readiness, on the loop thread ---

    private void requestUpdate() {
        synchronized (this) {
            if (updateQueued) {
                return;
            }
            updateQueued = true;
        }
        loop.execute(update);
    }

    private void updateOnLoop() {
        int ops;
        synchronized (this) {
            updateQueued = false;
            if (closing) {
                if (key != null) {
                    key.cancel();
                    key = null;
                }
                IoUtils.safeClose(channel);
                return;
            }
            if (hungUp) {
                return;
            }
            ops = (readArmed ? SelectionKey.OP_READ : 0) | (writeArmed ? SelectionKey.OP_WRITE : 0);
        }
        if (key != null && !key.isValid()) {
            hangUp(key);
            return;
        }
        if (key == null && ops == 0) {
            return;
        }
        try {
            if (key == null) {
                key = loop.register(channel, ops, this::onReady);
            } else {
                key.interestOps(ops);
            }
        } catch (IOException e) {
            // a socket that cannot be watched is dead: wake its reader and writer so they see the error
            IoUtils.safeClose(channel);
            thread.execute(readTask);
            thread.execute(writeTask);
        }
    }

    /** Takes over the key the channel was connected or accepted with; loop thread only. */
    void adopt(SelectionKey connected) {
        key = connected;
        key.attach((UnixSocketLoop.Readiness) this::onReady);
        key.interestOps(0);
    }

    /**
     * A key turns invalid when its channel was closed under it: the key leaves the selector at once, and from now on
     * readiness is immediate, so the reader and writer see the error.
     */
    private void hangUp(SelectionKey invalid) {
        invalid.cancel();
        key = null;
        synchronized (this) {
            hungUp = true;
            readArmed = false;
            writeArmed = false;
        }
        thread.execute(readTask);
        thread.execute(writeTask);
    }

    private void onReady(SelectionKey ready) {
        if (!ready.isValid()) {
            hangUp(ready);
            return;
        }
        boolean read;
        boolean write;
        synchronized (this) {
            if (!readArmed && !writeArmed) {
                read = false;
                write = false;
            } else if ((ready.isReadable() && readArmed) || (ready.isWritable() && writeArmed)) {
                read = ready.isReadable() && readArmed;
                write = ready.isWritable() && writeArmed;
            } else {
                // a hang-up or error: whoever waits must look at the socket to see it
                read = readArmed;
                write = writeArmed;
            }
            readArmed &= !read;
            writeArmed &= !write;
            if (!read && !write) {
                // poll() reports hang-ups even without interest: stop watching until someone waits again
                ready.cancel();
                key = null;
                return;
            }
            ready.interestOps((readArmed ? SelectionKey.OP_READ : 0) | (writeArmed ? SelectionKey.OP_WRITE : 0));
        }
        if (read) {
            thread.execute(readTask);
        }
        if (write) {
            thread.execute(writeTask);
        }
    }

    // --- readiness, on the I/O thread ---

    private void runReadTask() {
        synchronized (this) {
            if (!readsResumed) {
                return;
            }
        }
        conduit.readReady();
        armIfResumed();
    }

    private void runWriteTask() {
        synchronized (this) {
            if (!writesResumed) {
                return;
            }
        }
        conduit.writeReady();
        armIfResumed();
    }

    private void armIfResumed() {
        boolean changed;
        synchronized (this) {
            if (hungUp) {
                if (readsResumed) {
                    thread.execute(readTask);
                }
                if (writesResumed) {
                    thread.execute(writeTask);
                }
                return;
            }
            changed = (readsResumed && !readArmed) || (writesResumed && !writeArmed);
            readArmed |= readsResumed;
            writeArmed |= writesResumed;
        }
        if (changed) {
            requestUpdate();
        }
    }

    private void setResumed(boolean read, boolean resumed) {
        synchronized (this) {
            if (closing) {
                return;
            }
            if (read) {
                readsResumed = resumed;
            } else {
                writesResumed = resumed;
            }
        }
        if (resumed) {
            armIfResumed();
        }
    }

    private boolean isResumed(boolean read) {
        synchronized (this) {
            return read ? readsResumed : writesResumed;
        }
    }

    /** Both halves of the socket as XNIO conduits; every method runs on the I/O thread. */
    private final class SocketConduit implements StreamSourceConduit, StreamSinkConduit {

        private ReadReadyHandler readHandler;
        private WriteReadyHandler writeHandler;

        void readReady() {
            if (readHandler != null) {
                readHandler.readReady();
            }
        }

        void writeReady() {
            if (writeHandler != null) {
                writeHandler.writeReady();
            }
        }

        void readTerminated() {
            if (readHandler != null) {
                readHandler.terminated();
            }
        }

        void writeTerminated() {
            if (writeHandler != null) {
                writeHandler.terminated();
            }
        }

        @Override
        public int read(ByteBuffer dst) throws IOException {
            if (isReadShutdown()) {
                return -1;
            }
            try {
                return channel.read(dst);
            } catch (ClosedChannelException e) {
                return -1;
            }
        }

        @Override
        public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
            long total = 0;
            for (int i = offset; i < offset + length; i++) {
                int n = read(dsts[i]);
                if (n < 0) {
                    return total == 0 ? -1 : total;
                }
                total += n;
                if (dsts[i].hasRemaining()) {
                    break;
                }
            }
            return total;
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            return channel.write(src);
        }

        @Override
        public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
            long total = 0;
            for (int i = offset; i < offset + length; i++) {
                total += channel.write(srcs[i]);
                if (srcs[i].hasRemaining()) {
                    break;
                }
            }
            return total;
        }

        @Override
        public int writeFinal(ByteBuffer src) throws IOException {
            return Conduits.writeFinalBasic(this, src);
        }

        @Override
        public long writeFinal(ByteBuffer[] srcs, int offset, int length) throws IOException {
            return Conduits.writeFinalBasic(this, srcs, offset, length);
        }

        @Override
        public long transferTo(long position, long count, FileChannel target) throws IOException {
            return target.transferFrom(channel, position, count);
        }

        @Override
        public long transferTo(long count, ByteBuffer throughBuffer, StreamSinkChannel target) throws IOException {
            return Conduits.transfer(this, count, throughBuffer, target);
        }

        @Override
        public long transferFrom(FileChannel src, long position, long count) throws IOException {
            return src.transferTo(position, count, channel);
        }

        @Override
        public long transferFrom(StreamSourceChannel source, long count, ByteBuffer throughBuffer)
                throws IOException {
            return Conduits.transfer(source, count, throughBuffer, this);
        }

        @Override
        public boolean flush() {
            // nothing is buffered here: whatever write() accepted is in the kernel
            return true;
        }

        @Override
        public void terminateReads() throws IOException {
            if (readClosed()) {
                setResumed(true, false);
                readTerminated();
            }
        }

        @Override
        public void terminateWrites() throws IOException {
            if (writeClosed()) {
                setResumed(false, false);
                try {
                    channel.shutdownOutput();
                } catch (ClosedChannelException | SocketException e) {
                    // the peer is already gone (ENOTCONN): there is nobody left to tell
                } finally {
                    writeTerminated();
                }
            }
        }

        @Override
        public void truncateWrites() throws IOException {
            terminateWrites();
        }

        @Override
        public boolean isReadShutdown() {
            return UnixStreamConnection.this.isReadShutdown();
        }

        @Override
        public boolean isWriteShutdown() {
            return UnixStreamConnection.this.isWriteShutdown();
        }

        @Override
        public void resumeReads() {
            setResumed(true, true);
        }

        @Override
        public void suspendReads() {
            setResumed(true, false);
        }

        @Override
        public void wakeupReads() {
            setResumed(true, true);
            thread.execute(readTask);
        }

        @Override
        public boolean isReadResumed() {
            return isResumed(true);
        }

        @Override
        public void resumeWrites() {
            setResumed(false, true);
        }

        @Override
        public void suspendWrites() {
            setResumed(false, false);
        }

        @Override
        public void wakeupWrites() {
            setResumed(false, true);
            thread.execute(writeTask);
        }

        @Override
        public boolean isWriteResumed() {
            return isResumed(false);
        }

        @Override
        public void awaitReadable() {
            throw new UnsupportedOperationException("Unix socket connections are non-blocking only");
        }

        @Override
        public void awaitReadable(long time, TimeUnit timeUnit) {
            awaitReadable();
        }

        @Override
        public void awaitWritable() {
            throw new UnsupportedOperationException("Unix socket connections are non-blocking only");
        }

        @Override
        public void awaitWritable(long time, TimeUnit timeUnit) {
            awaitWritable();
        }

        @Override
        public XnioIoThread getReadThread() {
            return thread;
        }

        @Override
        public XnioIoThread getWriteThread() {
            return thread;
        }

        @Override
        public void setReadReadyHandler(ReadReadyHandler handler) {
            readHandler = handler;
        }

        @Override
        public void setWriteReadyHandler(WriteReadyHandler handler) {
            writeHandler = handler;
        }

        @Override
        public XnioWorker getWorker() {
            return thread.getWorker();
        }
    }
}
