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
 * read before the backend is connected, as nginx reads a body before it goes upstream, so that a malformed body (a
 * bad chunk size) is refused with 400 before the backend sees a byte; the backend gets chunks framed anew by
 * wsproxy, so nothing after a bad chunk further on can reach it as a request either.
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
        return body;
    }

    /** The framing header of the request to the backend: its length, or chunked; none without a body. */
    String framingHeader() {
        if (length >= 0) {
            return "Content-Length: " + length + "\r\n";
        }
        return chunked ? "Transfer-Encoding: chunked\r\n" : "";
    }

    /** Sends the body to {@code backend}, reading the rest of it from the client as it goes. */
    void sendTo(BackendChannel backend) throws IOException {
        if (buffer == null) {
            return;
        }
        while (true) {
            int read = buffer.position();
            if (chunked && read > 0) {
                backend.write(Integer.toHexString(read) + "\r\n");
            }
            backend.write(buffer.array(), 0, read);
            if (chunked && read > 0) {
                backend.write("\r\n");
            }
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
