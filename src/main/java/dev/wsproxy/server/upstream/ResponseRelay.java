package dev.wsproxy.server.upstream;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.HttpString;
import io.undertow.util.Methods;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;

/**
 * Reads a backend's HTTP/1.x response and passes it to the client: status, end-to-end headers, then the
 * body as the backend framed it (Content-Length, chunked, or up to the end of the connection). Whether the
 * connection can carry another exchange afterwards is {@link Framing#reusable}.
 */
final class ResponseRelay {

    private static final int MAX_LINE = 16 * 1024;
    private static final int MAX_HEADERS = 200;

    private ResponseRelay() {
    }

    /** Reads the response head into the exchange; false when the backend sent no valid head. */
    static boolean readHead(BackendChannel backend, HttpServerExchange exchange, Framing framing) throws IOException {
        int status;
        do {
            String statusLine = backend.readLine(MAX_LINE);
            if (statusLine == null || !statusLine.startsWith("HTTP/1.") || statusLine.length() < 12) {
                return false;
            }
            status = Integer.parseInt(statusLine.substring(9, 12));
            exchange.getResponseHeaders().clear();
            framing.reset();
            framing.keepAlive = statusLine.startsWith("HTTP/1.1 ");
            if (!readHeaders(backend, exchange, framing)) {
                return false;
            }
        } while (status >= 100 && status < 200);
        exchange.setStatusCode(status);
        return true;
    }

    private static boolean readHeaders(BackendChannel backend, HttpServerExchange exchange, Framing framing)
            throws IOException {
        for (int count = 0; count <= MAX_HEADERS; count++) {
            String line = backend.readLine(MAX_LINE);
            if (line == null) {
                return false;
            }
            if (line.isEmpty()) {
                return true;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                return false;
            }
            String name = line.substring(0, colon).trim();
            String value = line.substring(colon + 1).trim();
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.equals("transfer-encoding")) {
                framing.chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
            } else if (lower.equals("content-length")) {
                framing.contentLength = Long.parseLong(value);
            } else if (lower.equals("connection") && value.toLowerCase(Locale.ROOT).contains("close")) {
                framing.keepAlive = false;
            }
            if (!HopByHop.is(name)) {
                exchange.getResponseHeaders().add(HttpString.tryFromString(name), value);
            }
        }
        return false;
    }

    static void copyBody(BackendChannel backend, HttpServerExchange exchange, Framing framing, OutputStream out)
            throws IOException {
        if (!hasBody(exchange)) {
            return;
        }
        if (framing.chunked) {
            exchange.getResponseHeaders().remove(io.undertow.util.Headers.CONTENT_LENGTH);
            copyChunks(backend, out);
        } else if (framing.contentLength >= 0) {
            backend.copyExactly(framing.contentLength, out);
        } else {
            backend.copyToEnd(out);
        }
    }

    private static boolean hasBody(HttpServerExchange exchange) {
        int status = exchange.getStatusCode();
        return !exchange.getRequestMethod().equals(Methods.HEAD) && status != 204 && status != 304;
    }

    private static void copyChunks(BackendChannel backend, OutputStream out) throws IOException {
        while (true) {
            String sizeLine = backend.readLine(MAX_LINE);
            if (sizeLine == null) {
                throw new IOException("backend closed the connection inside a chunked body");
            }
            int extension = sizeLine.indexOf(';');
            long size = Long.parseLong((extension < 0 ? sizeLine : sizeLine.substring(0, extension)).trim(), 16);
            if (size == 0) {
                while (true) {
                    String trailer = backend.readLine(MAX_LINE);
                    if (trailer == null || trailer.isEmpty()) {
                        return;
                    }
                }
            }
            backend.copyExactly(size, out);
            backend.readLine(MAX_LINE);
        }
    }

    /** How the backend delimits its body, and whether it keeps the connection open after it. */
    static final class Framing {
        boolean chunked;
        long contentLength = -1;
        boolean keepAlive;

        void reset() {
            chunked = false;
            contentLength = -1;
            keepAlive = false;
        }

        /**
         * Whether the connection can carry another exchange once the body is copied: an HTTP/1.1 response without
         * {@code Connection: close} whose body ends where its length or last chunk says, not at the end of the stream.
         */
        boolean reusable(HttpServerExchange exchange) {
            return keepAlive && (chunked || contentLength >= 0 || !hasBody(exchange));
        }
    }
}
