package dev.wsproxy.server.http;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.nio.charset.StandardCharsets;

/** Turns decoded paths back into URI text: percent-encoding, and absolute URLs for {@code Location}. */
public final class UriPaths {

    private static final String PATH_SAFE = "-._~!$&'()*+,;=:@/";
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private UriPaths() {
    }

    /** The path percent-encoded as UTF-8, keeping '/' and the characters a path may hold as they are. */
    public static String encode(String decodedPath) {
        StringBuilder out = new StringBuilder(decodedPath.length() + 8);
        for (byte b : decodedPath.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c < 0x80 && (Character.isLetterOrDigit(c) || PATH_SAFE.indexOf(c) >= 0)) {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
            }
        }
        return out.toString();
    }

    /**
     * {@code scheme://Host} of the request, as OLS builds an absolute {@code Location}: from the Host header,
     * or the local address when the client sent none.
     */
    public static String origin(HttpServerExchange exchange) {
        String host = exchange.getRequestHeaders().getFirst(Headers.HOST);
        if (host == null || host.isBlank()) {
            host = exchange.getHostAndPort();
        }
        return exchange.getRequestScheme() + "://" + host;
    }

    /** {@code ?query} when the request had one, else the empty string. */
    public static String querySuffix(HttpServerExchange exchange) {
        String query = exchange.getQueryString();
        return query.isEmpty() ? "" : "?" + query;
    }
}
