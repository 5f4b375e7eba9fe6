package dev.wsproxy.server.upstream;

import dev.wsproxy.server.log.IpText;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderValues;
import io.undertow.util.Headers;
import java.util.Locale;

/**
 * The head of a proxied request as the backend gets it: the client's target (or a rewrite rule's), its end-to-end
 * headers, {@code X-Forwarded-For} (appended to), {@code -Proto} and {@code -Host}, the pool's {@code Connection}
 * and the body's framing.
 */
final class ForwardedHead {

    private ForwardedHead() {
    }

    /** @param framing the body's framing header line(s), CRLF-terminated, or "" without a body */
    static String of(HttpServerExchange exchange, boolean keepAlive, String framing) {
        StringBuilder head = new StringBuilder(512);
        String query = exchange.getQueryString();
        String rewritten = exchange.getAttachment(ReverseProxyHandler.REWRITTEN_TARGET);
        head.append(exchange.getRequestMethod()).append(' ')
                .append(rewritten != null ? rewritten : originForm(exchange) + (query.isEmpty() ? "" : "?" + query))
                .append(" HTTP/1.1\r\n");
        String forwardedFor = null;
        for (HeaderValues values : exchange.getRequestHeaders()) {
            String name = values.getHeaderName().toString();
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.equals("x-forwarded-for")) {
                forwardedFor = String.join(", ", values);
            } else if (!HopByHop.is(name) && !lower.equals("content-length") && !lower.equals("expect")
                    && !lower.startsWith("x-forwarded-")) {
                for (String value : values) {
                    head.append(name).append(": ").append(value).append("\r\n");
                }
            }
        }
        String clientIp = IpText.of(exchange.getSourceAddress().getAddress());
        head.append("X-Forwarded-For: ").append(forwardedFor == null ? clientIp : forwardedFor + ", " + clientIp)
                .append("\r\n");
        head.append("X-Forwarded-Proto: ").append(exchange.getRequestScheme()).append("\r\n");
        String host = exchange.getRequestHeaders().getFirst(Headers.HOST);
        if (host != null) {
            head.append("X-Forwarded-Host: ").append(host).append("\r\n");
        }
        head.append(keepAlive ? "Connection: keep-alive\r\n" : "Connection: close\r\n");
        return head.append(framing).append("\r\n").toString();
    }

    /** The request target as the client sent it, without scheme and host when it came in absolute form. */
    private static String originForm(HttpServerExchange exchange) {
        String uri = exchange.getRequestURI();
        if (!exchange.isHostIncludedInRequestURI()) {
            return uri;
        }
        int slash = uri.indexOf('/', uri.indexOf("://") + 3);
        return slash < 0 ? "/" : uri.substring(slash);
    }
}
