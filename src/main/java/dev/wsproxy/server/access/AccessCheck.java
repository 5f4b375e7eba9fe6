package dev.wsproxy.server.access;

import dev.wsproxy.config.model.AccessControl;
import dev.wsproxy.server.log.Refusals;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;

/** Answers 403 to a client one accessControl block (server or vhost level) keeps out. */
public final class AccessCheck implements HttpHandler {

    private final AccessControl acl;
    private final String level;
    private final Refusals refusals;
    private final HttpHandler next;

    private AccessCheck(AccessControl acl, String level, Refusals refusals, HttpHandler next) {
        this.acl = acl;
        this.level = level;
        this.refusals = refusals;
        this.next = next;
    }

    /**
     * {@code next} itself when the block lets everybody in.
     *
     * @param level whose block it is, for the log line: {@code the server}, {@code virtual host a}
     */
    public static HttpHandler wrap(AccessControl acl, String level, Refusals refusals, HttpHandler next) {
        return acl.isEmpty() ? next : new AccessCheck(acl, level, refusals, next);
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        if (!ClientAccess.allows(acl, exchange.getSourceAddress().getAddress())) {
            refusals.forbidden(exchange, "the accessControl of " + level + " denies this client");
            return;
        }
        next.handleRequest(exchange);
    }
}
