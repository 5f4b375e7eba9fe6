package dev.wsproxy.server.upstream;

import dev.wsproxy.server.compress.DynamicGzip;
import dev.wsproxy.server.proxy.ResponseHead;
import dev.wsproxy.server.proxy.ResponseHead.MalformedHead;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderMap;
import io.undertow.util.HttpString;
import io.undertow.util.Methods;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Locale;
import org.xnio.channels.StreamSinkChannel;

/**
 * The response side of a {@link NonBlockingExchange}: the backend's response head parsed and given to the client,
 * then the body relayed as the backend frames it (length, chunks, end of connection), gzipped on the way with
 * {@code enableDynGzipCompress}, its bytes waiting in {@link PendingBytes} for a slow client.
 */
final class NonBlockingResponse {

    /** A response head larger than this is refused with 502. */
    private static final int MAX_HEAD = 64 * 1024;

    private final HttpServerExchange exchange;
    private final Runnable progress;
    private final Runnable clientWritable;
    /** The start of a response head that has not all come yet, or null. */
    private byte[] partial;
    private int partialLength;
    private ResponseHead head;
    private BodyDecoder body;
    private boolean reusable;
    private OutputStream out;
    private PendingBytes pending;
    private StreamSinkChannel client;

    /** {@code progress} is run when bytes reach the client, {@code clientWritable} when it can take more. */
    NonBlockingResponse(HttpServerExchange exchange, Runnable progress, Runnable clientWritable) {
        this.exchange = exchange;
        this.progress = progress;
        this.clientWritable = clientWritable;
    }

    /** Drops the start of a head that a lost backend connection had sent. */
    void newConnection() {
        partial = null;
    }

    /** Whether the response head has gone to the client, so that its status can no longer change. */
    boolean started() {
        return head != null;
    }

    /** Whether the body ends where the backend closes its connection. */
    boolean endsAtClose() {
        return body.endsAtClose();
    }

    /** Whether the backend connection can carry another exchange once the body has all come. */
    boolean reusable() {
        return reusable;
    }

    /** Whether bytes wait for the client, so reading more from the backend should pause. */
    boolean waiting() {
        return pending != null && pending.waiting();
    }

    /**
     * Takes the {@code length} bytes the backend sent next, from {@code buffer}, which the caller may reuse
     * afterwards; true when they ended the body.
     */
    boolean take(byte[] buffer, int length) throws IOException, MalformedHead {
        if (head != null) {
            return relay(buffer, 0, length);
        }
        if (partial == null) {
            return headRead(buffer, length);
        }
        partial = Arrays.copyOf(partial, partialLength + length);
        System.arraycopy(buffer, 0, partial, partialLength, length);
        partialLength += length;
        return headRead(partial, partialLength);
    }

    /** Ends the body once the backend has sent it all. */
    void end() throws IOException {
        out.close();
    }

    /** Asks to hear when the client can take the bytes waiting for it; false when none wait. */
    boolean awaitClient() {
        if (!pending.waiting()) {
            return false;
        }
        client.resumeWrites();
        return true;
    }

    /** Writes what waits for the client; true when it has all gone. */
    boolean drain() throws IOException {
        if (!pending.drain()) {
            return false;
        }
        client.suspendWrites();
        return true;
    }

    /**
     * Parses the head in {@code bytes[0..length)} once it is whole, skipping interim (1xx) ones, starts the response
     * and relays the body's first bytes; keeps a head that has not all come yet.
     */
    private boolean headRead(byte[] bytes, int length) throws IOException, MalformedHead {
        ResponseHead parsed;
        while ((parsed = ResponseHead.parse(bytes, length)) != null && parsed.status() < 200) {
            if (parsed.status() < 100) {
                throw new MalformedHead("bad status code " + parsed.status());
            }
            bytes = Arrays.copyOfRange(bytes, parsed.length(), length);
            length -= parsed.length();
        }
        if (parsed == null) {
            if (length > MAX_HEAD) {
                throw new MalformedHead("response head larger than " + MAX_HEAD + " bytes");
            }
            partial = bytes == partial ? partial : Arrays.copyOf(bytes, length);
            partialLength = length;
            return false;
        }
        partial = null;
        respond(parsed, bytes[5] == '1' && bytes[7] == '1');
        return relay(bytes, parsed.length(), length - parsed.length());
    }

    /** Gives the client the backend's status and end-to-end headers, and readies the body's way. */
    private void respond(ResponseHead parsed, boolean http11) throws IOException, MalformedHead {
        long length = parsed.contentLength();
        head = parsed;
        boolean chunked = head.isChunked();
        boolean closes = false;
        HeaderMap headers = exchange.getResponseHeaders();
        headers.clear();
        exchange.setStatusCode(head.status());
        for (ResponseHead.Header header : head.headers()) {
            String name = header.name();
            if (name.equalsIgnoreCase("connection")) {
                closes |= header.value().toLowerCase(Locale.ROOT).contains("close");
            }
            if (!HopByHop.is(name) && !(chunked && name.equalsIgnoreCase("content-length"))) {
                headers.add(HttpString.tryFromString(name), header.value());
            }
        }
        int status = head.status();
        boolean hasBody = !exchange.getRequestMethod().equals(Methods.HEAD) && status != 204 && status != 304;
        body = !hasBody ? BodyDecoder.fixed(0)
                : chunked ? BodyDecoder.chunked() : length >= 0 ? BodyDecoder.fixed(length) : BodyDecoder.untilClose();
        reusable = http11 && !closes && !body.endsAtClose();
        client = exchange.getResponseChannel();
        client.getWriteSetter().set(channel -> clientWritable.run());
        pending = new PendingBytes(client, progress);
        out = DynamicGzip.wrap(exchange, pending);
    }

    /** Passes on the body's part of {@code bytes[offset..offset+length)}; true when it ended the body. */
    private boolean relay(byte[] bytes, int offset, int length) throws IOException {
        int used = body.feed(bytes, offset, length, out);
        if (body.done()) {
            // bytes after the body would be taken for the next response's
            reusable &= used == length;
            return true;
        }
        awaitClient();
        return false;
    }
}
