package dev.wsproxy.server.files;

import dev.wsproxy.server.log.ErrorLog;
import dev.wsproxy.server.log.IpText;
import dev.wsproxy.server.platform.TcpCork;
import io.undertow.server.HttpServerExchange;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import org.xnio.ChannelListener;
import org.xnio.IoUtils;
import org.xnio.channels.StreamSinkChannel;

/**
 * Sends a byte range of an open file as the response body, on the connection's I/O thread: the head in one
 * write, then the body with {@code sendfile}, both under {@link TcpCork} as nginx's {@code tcp_nopush} does;
 * when the socket is full it waits for the socket to drain instead of blocking a thread. Undertow's own file
 * senders hand every file to a worker thread first, and the hand-off costs more than the transfer on the
 * small and medium files a site is made of. Each turn sends at most {@link #TURN_BYTES} and then waits for the
 * next one, as nginx's {@code sendfile_max_chunk} does, so that a client reading fast cannot hold the I/O thread
 * its other connections share. A file that shrinks under the transfer ends it: the connection is closed and a
 * WARN line names the file.
 */
final class FileTransfer implements ChannelListener<StreamSinkChannel> {

    /** The most one turn sends before the I/O thread serves its other connections: nginx's default chunk. */
    private static final long TURN_BYTES = 256 * 1024;

    private final HttpServerExchange exchange;
    private final Path path;
    private final FileChannel file;
    private final long end;
    private final boolean corked;
    private final ErrorLog errorLog;
    private long position;

    private FileTransfer(HttpServerExchange exchange, Path path, FileChannel file, long start, long end, boolean corked,
                         ErrorLog errorLog) {
        this.exchange = exchange;
        this.path = path;
        this.file = file;
        this.position = start;
        this.end = end;
        this.corked = corked;
        this.errorLog = errorLog;
    }

    /**
     * Takes ownership of {@code file}, opened from {@code path}, and sends bytes {@code start} (inclusive) to
     * {@code end} (exclusive).
     */
    static void send(HttpServerExchange exchange, Path path, FileChannel file, long start, long end, ErrorLog errorLog) {
        boolean corked = TcpCork.hold(exchange);
        new FileTransfer(exchange, path, file, start, end, corked, errorLog).handleEvent(exchange.getResponseChannel());
    }

    @Override
    public void handleEvent(StreamSinkChannel sink) {
        try {
            // the head first: with the head unsent Undertow would copy the first 16 KiB of the file through a buffer
            if (!sink.flush()) {
                resumeWhenWritable(sink, this);
                return;
            }
            long turnEnd = Math.min(end, position + TURN_BYTES);
            while (position < turnEnd) {
                long sent = sink.transferFrom(file, position, turnEnd - position);
                if (sent == 0 && shrank()) {
                    return;
                }
                if (sent == 0) {
                    resumeWhenWritable(sink, this);
                    return;
                }
                position += sent;
            }
            if (position < end) {
                resumeWhenWritable(sink, this);
                return;
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

    /**
     * Whether the file has become shorter than the part already sent, which {@code sendfile} answers with 0 bytes
     * as it does a full socket: waiting for the socket would call it again at once, for ever. The head promised
     * more bytes than there are, so the connection is closed, with a line that says which file.
     */
    private boolean shrank() throws IOException {
        long size = file.size();
        if (size > position) {
            return false;
        }
        errorLog.log(ErrorLog.Level.WARN, "[" + IpText.of(exchange.getSourceAddress().getAddress()) + "] " + path
                + " shrank to " + size + " bytes while it was sent (" + position + " of " + end
                + " sent); closed the connection");
        fail();
        return true;
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
