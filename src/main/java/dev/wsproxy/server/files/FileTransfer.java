package dev.wsproxy.server.files;

import dev.wsproxy.server.platform.TcpCork;
import io.undertow.server.HttpServerExchange;
import java.io.IOException;
import java.nio.channels.FileChannel;
import org.xnio.ChannelListener;
import org.xnio.IoUtils;
import org.xnio.channels.StreamSinkChannel;

/**
 * Sends a byte range of an open file as the response body, on the connection's I/O thread: the head in one
 * write, then the body with {@code sendfile}, both under {@link TcpCork} as nginx's {@code tcp_nopush} does;
 * when the socket is full it waits for the socket to drain instead of blocking a thread. Undertow's own file
 * senders hand every file to a worker thread first, and the hand-off costs more than the transfer on the
 * small and medium files a site is made of.
 */
final class FileTransfer implements ChannelListener<StreamSinkChannel> {

    private final HttpServerExchange exchange;
    private final FileChannel file;
    private final long end;
    private final boolean corked;
    private long position;

    private FileTransfer(HttpServerExchange exchange, FileChannel file, long start, long end, boolean corked) {
        this.exchange = exchange;
        this.file = file;
        this.position = start;
        this.end = end;
        this.corked = corked;
    }

    /** Takes ownership of {@code file} and sends bytes {@code start} (inclusive) to {@code end} (exclusive). */
    static void send(HttpServerExchange exchange, FileChannel file, long start, long end) {
        boolean corked = TcpCork.hold(exchange);
        new FileTransfer(exchange, file, start, end, corked).handleEvent(exchange.getResponseChannel());
    }

    @Override
    public void handleEvent(StreamSinkChannel sink) {
        try {
            // the head first: with the head unsent Undertow would copy the first 16 KiB of the file through a buffer
            if (!sink.flush()) {
                resumeWhenWritable(sink, this);
                return;
            }
            while (position < end) {
                long sent = sink.transferFrom(file, position, end - position);
                if (sent == 0) {
                    resumeWhenWritable(sink, this);
                    return;
                }
                position += sent;
            }
            if (corked) {
                TcpCork.release(exchange);
            }
            IoUtils.safeClose(file);
            sink.shutdownWrites();
            if (!sink.flush()) {
                resumeWhenWritable(sink, this::finishFlush);
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

    private static void resumeWhenWritable(StreamSinkChannel sink, ChannelListener<? super StreamSinkChannel> next) {
        sink.getWriteSetter().set(next);
        sink.resumeWrites();
    }

    /** The client went away or the file could not be read: the status is out, so only closing is left. */
    private void fail() {
        IoUtils.safeClose(file);
        IoUtils.safeClose(exchange.getConnection());
    }
}
