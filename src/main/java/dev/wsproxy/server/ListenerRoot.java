package dev.wsproxy.server;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

/**
 * The handler at the root of one listener: the chain of the config being served, read once per request, so that a
 * reload swaps it for new requests while each request in flight finishes on the chain it started on. While the server
 * drains, each response but an upgrade's closes its connection, so that the client's next request goes to the process
 * taking over.
 */
final class ListenerRoot implements HttpHandler {

    private final AtomicReference<HttpHandler> served;
    private final BooleanSupplier draining;

    ListenerRoot(HttpHandler chain, BooleanSupplier draining) {
        this.served = new AtomicReference<>(chain);
        this.draining = draining;
    }

    /** Serves the next requests with {@code chain}. */
    void serve(HttpHandler chain) {
        served.set(chain);
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        if (draining.getAsBoolean() && !exchange.getRequestHeaders().contains(Headers.UPGRADE)) {
            exchange.setPersistent(false);
        }
        served.get().handleRequest(exchange);
    }
}
