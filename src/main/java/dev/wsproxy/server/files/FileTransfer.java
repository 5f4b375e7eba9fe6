package dev.wsproxy.server.files;

import io.undertow.server.HttpServerExchange;
import java.io.IOException;
import java.nio.channels.FileChannel;
import org.xnio.ChannelListener;
import org.xnio.IoUtils;
import org.xnio.channels.StreamSinkChannel;

/**
 * Sends a byte range of an open file as the response body, on the connection's I/O thread, with
 * {@code sendfile} once the head is out; when the socket is full it waits for the socket to drain instead
 * of blocking a thread. Undertow's own file senders hand every file to a worker thread first, and the
 * hand-off costs more than the transfer on the small and medium files a site is made of.
 */
final class FileTransfer implements ChannelListener<StreamSinkChannel> {

    private final HttpServerExchange exchange;
    private final FileChannel file;
    private final long end;
    private long position;

    private FileTransfer(HttpServerExchange exchange, FileChannel file, long start, long end) {
        this.exchange = exchange;
        this.file = file;
        this.position = start;
        this.end = end;
    }

    /** Takes ownership of {@code file} and sends bytes {@code start} (inclusive) to {@code end} (exclusive). */
    static void send(HttpServerExchange exchange, FileChannel file, long start, long end) throws IOException {
        // while the head is unsent Undertow copies through a buffer, reading from the channel's own position
        file.position(start);
        new FileTransfer(exchange, file, start, end).handleEvent(exchange.getResponseChannel());
    }

    @Override
    public void handleEvent(StreamSinkChannel sink) {
        try {
            while (position < end) {
                long sent = sink.transferFrom(file, position, end - position);
                if (sent == 0) {
                    sink.getWriteSetter().set(this);
                    sink.resumeWrites();
                    return;
                }
                position += sent;
            }
            IoUtils.safeClose(file);
            sink.shutdownWrites();
            if (!sink.flush()) {
                sink.getWriteSetter().set(this::finishFlush);
                sink.resumeWrites();
                return;
            }
            sink.getWriteSetter().set(null);
            sink.suspendWrites();
            exchange.endExchange();
        } catch (IOException e) {
            fail();
        }
    }

    private void finishFlush(StreamSinkChannel sink) {
        try {
            if (sink.flush()) {
                sink.getWriteSetter().set(null);
                sink.suspendWrites();
                exchange.endExchange();
            }
        } catch (IOException e) {
            fail();
        }
    }

    /** The client went away or the file could not be read: the status is out, so only closing is left. */
    private void fail() {
        IoUtils.safeClose(file);
        IoUtils.safeClose(exchange.getConnection());
    }
}
