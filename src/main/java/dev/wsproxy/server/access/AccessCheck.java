package dev.wsproxy.server.access;

import dev.wsproxy.config.model.AccessControl;
import dev.wsproxy.server.exchange.Step;
import dev.wsproxy.server.exchange.Trace;
import dev.wsproxy.server.http.Refusals;
import dev.wsproxy.server.log.ErrorLog;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.StatusCodes;

/**
 * The access-control step of the server or a vhost: answers 403 to a client the block keeps out, and logs which
 * block did.
 */
public final class AccessCheck implements HttpHandler {

    private final Step step;
    private final AccessControl acl;
    private final String owner;
    private final ErrorLog log;
    private final HttpHandler next;

    /** @param owner whose block it is, for the log line: {@code the server}, {@code virtual host `a`} */
    private AccessCheck(Step step, AccessControl acl, String owner, ErrorLog log, HttpHandler next) {
        this.step = step;
        this.acl = acl;
        this.owner = owner;
        this.log = log;
        this.next = next;
    }

    /** {@code next} itself when the block lets everybody in. */
    public static HttpHandler wrap(Step step, AccessControl acl, String owner, ErrorLog log, HttpHandler next) {
        return acl.isEmpty() ? next : new AccessCheck(step, acl, owner, log, next);
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        if (!ClientAccess.allows(acl, exchange.getSourceAddress().getAddress())) {
            Refusals.refuse(exchange, StatusCodes.FORBIDDEN, log, "the accessControl of " + owner + " denies this client");
            return;
        }
        Trace.of(exchange).note(step, "client let in by the accessControl of ", owner);
        next.handleRequest(exchange);
    }
}
