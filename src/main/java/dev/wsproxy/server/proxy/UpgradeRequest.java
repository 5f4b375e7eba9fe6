package dev.wsproxy.server.proxy;

import dev.wsproxy.server.log.IpText;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderValues;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import io.undertow.util.Methods;
import io.undertow.util.Protocols;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Locale;

/**
 * A client's WebSocket upgrade request: how it is recognised, whether it is well formed, and the request head
 * sent on to the backend.
 */
final class UpgradeRequest {

    private static final HttpString X_FORWARDED_FOR = new HttpString("X-Forwarded-For");
    private static final HttpString X_FORWARDED_PROTO = new HttpString("X-Forwarded-Proto");
    private static final HttpString X_FORWARDED_HOST = new HttpString("X-Forwarded-Host");

    private UpgradeRequest() {
    }

    /** True when the client asks for a WebSocket: an {@code Upgrade} header with the token {@code websocket}. */
    static boolean wantsWebSocket(HttpServerExchange exchange) {
        HeaderValues upgrade = exchange.getRequestHeaders().get(Headers.UPGRADE);
        if (upgrade == null) {
            return false;
        }
        for (String value : upgrade) {
            for (String token : value.split(",")) {
                if (token.trim().equalsIgnoreCase("websocket")) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Why this upgrade cannot be tunnelled, or null when it can. RFC 6455 upgrades are a GET over HTTP/1.1 without
     * a body; anything else would leave the bytes after the head ambiguous, so it gets a 400 rather than a guess.
     */
    static String defect(HttpServerExchange exchange) {
        if (!exchange.getRequestMethod().equals(Methods.GET)) {
            return "a WebSocket upgrade must be a GET";
        }
        if (!exchange.getProtocol().equals(Protocols.HTTP_1_1)) {
            return "a WebSocket upgrade needs HTTP/1.1";
        }
        if (exchange.getRequestHeaders().contains(Headers.TRANSFER_ENCODING)
                || exchange.getRequestContentLength() > 0) {
            return "a WebSocket upgrade cannot carry a request body";
        }
        return null;
    }

    /** The URI as the client wrote it (origin form), query included. */
    static String rawUri(HttpServerExchange exchange) {
        String uri = exchange.getRequestURI();
        if (exchange.isHostIncludedInRequestURI()) {
            int slash = uri.indexOf('/', uri.indexOf("//") + 2);
            uri = slash < 0 ? "/" : uri.substring(slash);
        }
        String query = exchange.getQueryString();
        return query.isEmpty() ? uri : uri + "?" + query;
    }

    /** The client's IP address as text, without brackets or port. */
    static String clientIp(HttpServerExchange exchange) {
        InetSocketAddress source = exchange.getSourceAddress();
        if (source == null) {
            return "-";
        }
        return source.getAddress() == null ? source.getHostString() : IpText.of(source.getAddress());
    }

    /**
     * The head sent to the backend: the client's request line and headers unchanged (names in their case,
     * duplicates kept) except the forwarded headers, which wsproxy owns: {@code X-Forwarded-For} gets the client
     * appended to what the client sent, {@code X-Forwarded-Proto} and {@code X-Forwarded-Host} are replaced.
     */
    static ByteBuffer backendHead(HttpServerExchange exchange) {
        HeadBytes head = new HeadBytes();
        head.add("GET ").add(rawUri(exchange)).add(" HTTP/1.1\r\n");
        String forwardedFor = null;
        for (HeaderValues header : exchange.getRequestHeaders()) {
            HttpString name = header.getHeaderName();
            if (name.equals(X_FORWARDED_FOR)) {
                forwardedFor = String.join(", ", header);
            } else if (!name.equals(X_FORWARDED_PROTO) && !name.equals(X_FORWARDED_HOST)) {
                for (String value : header) {
                    head.add(name).add(": ").add(value).add("\r\n");
                }
            }
        }
        String client = clientIp(exchange);
        head.add("X-Forwarded-For: ").add(forwardedFor == null ? client : forwardedFor + ", " + client).add("\r\n");
        head.add("X-Forwarded-Proto: ").add(exchange.getRequestScheme().toLowerCase(Locale.ROOT)).add("\r\n");
        String host = exchange.getRequestHeaders().getFirst(Headers.HOST);
        if (host != null) {
            head.add("X-Forwarded-Host: ").add(host).add("\r\n");
        }
        return head.add("\r\n").bytes();
    }

    /**
     * A request head as ISO-8859-1 bytes, written straight into one array: a string builder, its string and that
     * string's bytes were three copies of every head.
     */
    private static final class HeadBytes {
        private byte[] bytes = new byte[512];
        private int length;

        HeadBytes add(String text) {
            room(text.length());
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                // what String.getBytes(ISO_8859_1) writes for a character outside it
                bytes[length++] = c <= 0xFF ? (byte) c : (byte) '?';
            }
            return this;
        }

        HeadBytes add(HttpString name) {
            room(name.length());
            name.copyTo(bytes, length);
            length += name.length();
            return this;
        }

        ByteBuffer bytes() {
            return ByteBuffer.wrap(bytes, 0, length);
        }

        private void room(int more) {
            if (length + more > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(length + more, bytes.length * 2));
            }
        }
    }
}
