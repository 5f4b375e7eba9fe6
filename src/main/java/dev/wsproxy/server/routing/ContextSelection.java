package dev.wsproxy.server.routing;

import dev.wsproxy.server.exchange.ContextMatch;
import dev.wsproxy.server.exchange.RequestPath;
import dev.wsproxy.server.exchange.Step;
import dev.wsproxy.server.exchange.Trace;
import dev.wsproxy.server.http.Responses;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.StatusCodes;
import java.util.Optional;

/** The context step of a vhost: attaches the context its {@link ContextRouter} picks for the path, or answers 404. */
public final class ContextSelection implements HttpHandler {

    private final ContextRouter router;
    private final HttpHandler next;

    public ContextSelection(ContextRouter router, HttpHandler next) {
        this.router = router;
        this.next = next;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        String path = exchange.getAttachment(RequestPath.CLEAN);
        Optional<ContextMatch> match = router.select(path);
        Trace trace = Trace.of(exchange);
        if (match.isEmpty()) {
            trace.note(Step.CONTEXT, "no context matches ", path);
            Responses.end(exchange, StatusCodes.NOT_FOUND);
            return;
        }
        exchange.putAttachment(ContextMatch.KEY, match.get());
        trace.note(Step.CONTEXT, "context ", match.get().context().uri().text());
        trace.match(match.get().context().uri().text());
        next.handleRequest(exchange);
    }
}
