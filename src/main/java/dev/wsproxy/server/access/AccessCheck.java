package dev.wsproxy.server.access;

import dev.wsproxy.config.model.AccessControl;
import dev.wsproxy.server.http.Refusals;
import dev.wsproxy.server.log.ErrorLog;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.StatusCodes;

/** Answers 403 to a client one accessControl block (server or vhost level) keeps out, and logs which block did. */
public final class AccessCheck implements HttpHandler {

    private final AccessControl acl;
    private final String owner;
    private final ErrorLog log;
    private final HttpHandler next;

    /** @param owner whose block it is, for the log line: {@code the server}, {@code virtual host `a`} */
    private AccessCheck(AccessControl acl, String owner, ErrorLog log, HttpHandler next) {
        this.acl = acl;
        this.owner = owner;
        this.log = log;
        this.next = next;
    }

    /** {@code next} itself when the block lets everybody in. */
    public static HttpHandler wrap(AccessControl acl, String owner, ErrorLog log, HttpHandler next) {
        return acl.isEmpty() ? next : new AccessCheck(acl, owner, log, next);
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        if (!ClientAccess.allows(acl, exchange.getSourceAddress().getAddress())) {
            Refusals.refuse(exchange, StatusCodes.FORBIDDEN, log, "the accessControl of " + owner + " denies this client");
            return;
        }
        next.handleRequest(exchange);
    }
}
