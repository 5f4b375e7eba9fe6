package dev.wsproxy.server.access;

import dev.wsproxy.config.model.AccessControl;
import dev.wsproxy.server.http.Responses;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.StatusCodes;

/** Answers 403 to a client one accessControl block (server or vhost level) keeps out. */
public final class AccessCheck implements HttpHandler {

    private final AccessControl acl;
    private final HttpHandler next;

    public AccessCheck(AccessControl acl, HttpHandler next) {
        this.acl = acl;
        this.next = next;
    }

    /** {@code next} itself when the block lets everybody in. */
    public static HttpHandler wrap(AccessControl acl, HttpHandler next) {
        return acl.isEmpty() ? next : new AccessCheck(acl, next);
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        if (!ClientAccess.allows(acl, exchange.getSourceAddress().getAddress())) {
            Responses.end(exchange, StatusCodes.FORBIDDEN);
            return;
        }
        next.handleRequest(exchange);
    }
}
