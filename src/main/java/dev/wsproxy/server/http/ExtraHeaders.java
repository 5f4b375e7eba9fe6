package dev.wsproxy.server.http;

import dev.wsproxy.config.model.HeaderOp;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderMap;
import io.undertow.util.HttpString;
import java.util.Arrays;
import java.util.List;

/**
 * A context's {@code extraHeaders}, applied to every response of the context just before it is sent:
 * set replaces, unset removes, add adds another line, append joins to the existing value with ", ",
 * merge appends only a value not already present.
 */
public final class ExtraHeaders implements HttpHandler {

    private final List<HeaderOp> operations;
    private final HttpHandler next;

    private ExtraHeaders(List<HeaderOp> operations, HttpHandler next) {
        this.operations = operations;
        this.next = next;
    }

    /** {@code next} itself when there is nothing to apply. */
    public static HttpHandler wrap(List<HeaderOp> operations, HttpHandler next) {
        return operations.isEmpty() ? next : new ExtraHeaders(List.copyOf(operations), next);
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        exchange.addResponseCommitListener(committed -> apply(committed.getResponseHeaders()));
        next.handleRequest(exchange);
    }

    void apply(HeaderMap headers) {
        for (HeaderOp op : operations) {
            HttpString name = HttpString.tryFromString(op.name());
            String current = headers.getFirst(name);
            switch (op.action()) {
                case SET -> headers.put(name, op.value());
                case UNSET -> headers.remove(name);
                case ADD -> headers.add(name, op.value());
                case APPEND -> headers.put(name, current == null ? op.value() : current + ", " + op.value());
                case MERGE -> {
                    if (current == null) {
                        headers.put(name, op.value());
                    } else if (Arrays.stream(current.split(",")).map(String::trim).noneMatch(op.value()::equals)) {
                        headers.put(name, current + ", " + op.value());
                    }
                }
                default -> throw new IllegalStateException("unknown header action " + op.action());
            }
        }
    }
}
