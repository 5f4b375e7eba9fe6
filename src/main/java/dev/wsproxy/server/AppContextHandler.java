package dev.wsproxy.server;

import dev.wsproxy.config.model.Context;
import dev.wsproxy.server.log.Refusals;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;

/**
 * A context of a type wsproxy does not run (lsapi, fcgi, cgi, servlet, ...), answered as OLS answers when its
 * app cannot start: 503 naming the handler in the error log, or 403 when the context has {@code allowBrowse 0}.
 * Nothing under its URI reaches another context, so its files are never served.
 */
final class AppContextHandler implements HttpHandler {

    private final Context.App context;
    private final Refusals refusals;

    AppContextHandler(Context.App context, Refusals refusals) {
        this.context = context;
        this.refusals = refusals;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        if (!context.allowBrowse()) {
            refusals.forbidden(exchange, "context " + context.uri().text() + " has allowBrowse 0");
            return;
        }
        refusals.appNotRun(exchange, "context " + context.uri().text() + " is handled by " + context.text());
    }
}
