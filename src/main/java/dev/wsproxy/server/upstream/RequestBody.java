package dev.wsproxy.server.upstream;

import io.undertow.server.HttpServerExchange;
import io.undertow.server.protocol.http.HttpContinue;
import io.undertow.util.Headers;
import io.undertow.util.StatusCodes;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.xnio.channels.StreamSourceChannel;

/**
 * A proxied request's body, read from the client with bounded waits. Its first 16 KiB (all of a smaller body) are
 * read before a backend connection is taken, as nginx reads a body before it goes upstream: a body Undertow cannot
 * parse (a bad chunk size) is refused with 400 before the backend sees a byte, a client that stalls a small body holds
 * none of the extprocessor's {@code maxConns}, and a body read whole can be sent again, to retry on a new connection.
 * The backend gets chunks framed anew by wsproxy, so nothing after a bad chunk further on can reach it as a request.
 */
final class RequestBody {

    private static final int CHUNK = 16 * 1024;
    /** nginx's "client closed request", for the access log only: nothing is sent. */
    private static final int CLIENT_CLOSED = 499;

    private final HttpServerExchange exchange;
    private final BoundedWaits client;
    private final long length;
    private final boolean chunked;
    private StreamSourceChannel channel;
    private ByteBuffer buffer;
    private boolean ended;
    private boolean whole;

    private RequestBody(HttpServerExchange exchange, BoundedWaits client) {
        this.exchange = exchange;
        this.client = client;
        this.length = exchange.getRequestContentLength();
        this.chunked = length < 0 && exchange.getRequestHeaders().contains(Headers.TRANSFER_ENCODING);
        this.ended = length <= 0 && !chunked;
    }

    /** Answers {@code Expect: 100-continue} and reads the body's first part, if it has one. */
    static RequestBody start(HttpServerExchange exchange, BoundedWaits client) throws IOException {
        RequestBody body = new RequestBody(exchange, client);
        if (!body.ended) {
            if (HttpContinue.requiresContinueResponse(exchange)) {
                HttpContinue.sendContinueResponseBlocking(exchange);
            }
            body.channel = exchange.getRequestChannel();
            body.buffer = ByteBuffer.allocate(CHUNK);
            while (!body.ended && body.buffer.hasRemaining()) {
                body.fill();
            }
        }
        body.whole = body.ended;
        return body;
    }

    /** Whether the whole body has been read, so that {@link #sendTo} can send it again. */
    boolean replayable() {
        return whole;
    }

    /** The framing header of the request to the backend: its length, or chunked; none without a body. */
    String framingHeader() {
        return framingHeader(length, chunked);
    }

    /** The framing header of a body of {@code length} bytes (-1: unknown), chunked or not. */
    static String framingHeader(long length, boolean chunked) {
        if (length >= 0) {
            return "Content-Length: " + length + "\r\n";
        }
        return chunked ? "Transfer-Encoding: chunked\r\n" : "";
    }

    /** Sends the body to {@code backend}, reading the rest of it from the client as it goes. */
    void sendTo(BackendChannel backend) throws IOException {
        while (true) {
            sendBuffered(backend);
            if (ended) {
                break;
            }
            buffer.clear();
            fill();
            backend.progress();
        }
        if (chunked) {
            backend.write("0\r\n\r\n");
        }
    }

    private void sendBuffered(BackendChannel backend) throws IOException {
        int read = buffer == null ? 0 : buffer.position();
        if (read == 0) {
            return;
        }
        if (chunked) {
            backend.write(Integer.toHexString(read) + "\r\n");
        }
        backend.write(buffer.array(), 0, read);
        if (chunked) {
            backend.write("\r\n");
        }
    }

    private void fill() throws IOException {
        try {
            ended = client.read(channel, buffer) < 0;
        } catch (ClientFailure e) {
            throw e;
        } catch (IOException e) {
            // what Undertow could not read of the body is the client's doing: a malformed body, or a client gone
            throw exchange.getConnection().isOpen()
                    ? new ClientFailure(StatusCodes.BAD_REQUEST, "malformed request body: " + e.getMessage())
                    : new ClientFailure(CLIENT_CLOSED, "the client closed the connection during its request body");
        }
    }
}
