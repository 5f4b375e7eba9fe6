package dev.wsproxy.server.routing;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;

/**
 * A request target in absolute form ({@code GET http://host/path}) names the host the request is for, and RFC 9112
 * §3.2.2 has a server use it instead of the {@code Host} header, as nginx and OLS do. Undertow only checks that the
 * Host header's text occurs somewhere in the target (400 otherwise), so {@code http://evil.test/} with
 * {@code Host: il.test} passed and was routed by the Host header. This puts the target's authority in the Host
 * header, so that routing, logs and backends all see the one host the request names.
 */
final class AbsoluteForm {

    private AbsoluteForm() {
    }

    /** Adopts the target's authority as the Host; false when the target's authority is empty or has user info. */
    static boolean adoptAuthority(HttpServerExchange exchange) {
        if (!exchange.isHostIncludedInRequestURI()) {
            return true;
        }
        String target = exchange.getRequestURI();
        int start = target.indexOf("://") + 3;
        int end = start;
        while (end < target.length() && "/?#".indexOf(target.charAt(end)) < 0) {
            end++;
        }
        String authority = target.substring(start, end);
        if (start < 3 || authority.isEmpty() || authority.indexOf('@') >= 0) {
            return false;
        }
        exchange.getRequestHeaders().put(Headers.HOST, authority);
        return true;
    }
}
