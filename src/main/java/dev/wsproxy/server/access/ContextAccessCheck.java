package dev.wsproxy.server.access;

import dev.wsproxy.config.model.AccessControl;
import dev.wsproxy.config.model.Context;
import dev.wsproxy.server.exchange.ContextMatch;
import dev.wsproxy.server.exchange.Step;
import dev.wsproxy.server.exchange.Trace;
import dev.wsproxy.server.http.Refusals;
import dev.wsproxy.server.log.ErrorLog;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.StatusCodes;
import java.util.Optional;

/** The access-control step of the request's context: 403 for a client the context's block keeps out. */
public final class ContextAccessCheck implements HttpHandler {

    private final ErrorLog log;
    private final HttpHandler next;

    public ContextAccessCheck(ErrorLog log, HttpHandler next) {
        this.log = log;
        this.next = next;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        Context context = exchange.getAttachment(ContextMatch.KEY).context();
        Optional<AccessControl> acl = context.accessControl();
        if (acl.isPresent() && !ClientAccess.allows(acl.get(), exchange.getSourceAddress().getAddress())) {
            Refusals.refuse(exchange, StatusCodes.FORBIDDEN, log, "the accessControl of context `"
                    + context.uri().text() + "` denies this client");
            return;
        }
        if (acl.isPresent()) {
            Trace.of(exchange).note(Step.CONTEXT_ACCESS, "client let in by the accessControl of context ",
                    context.uri().text());
        }
        next.handleRequest(exchange);
    }
}
