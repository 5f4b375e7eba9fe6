package dev.wsproxy.server.http;

import io.undertow.server.HttpServerExchange;

/** Ends an exchange with a status and no body of its own; {@link ErrorBodies} adds the page for an error status. */
public final class Responses {

    private Responses() {
    }

    public static void end(HttpServerExchange exchange, int status) {
        exchange.setStatusCode(status);
        exchange.endExchange();
    }
}
