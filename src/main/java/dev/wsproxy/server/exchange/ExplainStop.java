package dev.wsproxy.server.exchange;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;

/** A handler whose first act is I/O, behind a stop that, for an explained request, records its outcome instead. */
public final class ExplainStop implements HttpHandler {

    private final Outcome outcome;
    private final HttpHandler next;

    public ExplainStop(Outcome outcome, HttpHandler next) {
        this.outcome = outcome;
        this.next = next;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        Trace trace = Trace.of(exchange);
        if (trace.explaining()) {
            trace.finish(outcome);
            return;
        }
        next.handleRequest(exchange);
    }
}
