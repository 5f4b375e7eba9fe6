package dev.wsproxy.server.http;

import dev.wsproxy.config.model.Context;
import dev.wsproxy.server.exchange.ContextMatch;
import dev.wsproxy.server.exchange.Step;
import dev.wsproxy.server.exchange.Trace;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.StatusCodes;

/**
 * A redirect context (OLS {@code httpreq.cpp} redirect handling): a 4xx status is answered directly; otherwise
 * the location with the rest of the URI appended and the query kept goes out as a 3xx {@code Location}, or,
 * for {@code externalRedirect 0} and a location starting with '/', is served inside the vhost.
 */
public final class RedirectHandler implements HttpHandler {

    /** Serves a request inside its vhost under another (decoded) path. */
    @FunctionalInterface
    public interface InternalRedirect {
        void redirect(HttpServerExchange exchange, String decodedPath) throws Exception;
    }

    private final Context.Redirect context;
    private final InternalRedirect internal;

    public RedirectHandler(Context.Redirect context, InternalRedirect internal) {
        this.context = context;
        this.internal = internal;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        int status = context.statusCode();
        if (status >= 400) {
            Responses.end(exchange, status);
            return;
        }
        String remainder = exchange.getAttachment(ContextMatch.KEY).remainder();
        String location = context.location();
        if (location.endsWith("/") && remainder.startsWith("/")) {
            remainder = remainder.substring(1);
        }
        if (!context.external() && location.startsWith("/")) {
            String target = location + remainder;
            Trace.of(exchange).note(Step.HANDLER, "internal redirect to ", target);
            internal.redirect(exchange, target);
            return;
        }
        exchange.getResponseHeaders().put(Headers.LOCATION,
                location + UriPaths.encode(remainder) + UriPaths.querySuffix(exchange));
        Responses.end(exchange, status >= 300 ? status : StatusCodes.FOUND);
    }
}
