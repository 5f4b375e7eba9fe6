package dev.wsproxy.server.http;

import dev.wsproxy.server.exchange.Outcome;
import dev.wsproxy.server.exchange.Trace;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;

/**
 * Ends an exchange with a status and no body of its own; {@link ErrorBodies} adds the page for an error status.
 * An explained exchange, which has no connection to end, records the answer in its {@link Trace}.
 */
public final class Responses {

    private Responses() {
    }

    public static void end(HttpServerExchange exchange, int status) {
        Trace trace = Trace.of(exchange);
        if (trace.explaining()) {
            trace.finish(Outcome.answered(status, exchange.getResponseHeaders().getFirst(Headers.LOCATION)));
            return;
        }
        exchange.setStatusCode(status);
        exchange.endExchange();
    }
}
