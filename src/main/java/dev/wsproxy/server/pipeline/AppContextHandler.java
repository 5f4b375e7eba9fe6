package dev.wsproxy.server.pipeline;

import dev.wsproxy.config.model.Context;
import dev.wsproxy.server.http.Refusals;
import dev.wsproxy.server.log.ErrorLog;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.StatusCodes;

/**
 * A context of a type wsproxy does not run (lsapi, fcgi, cgi, servlet, ...), answered as OLS answers when its
 * app cannot start: 503 naming the handler in the error log, or 403 when the context has {@code allowBrowse 0}.
 * Nothing under its URI reaches another context, so its files are never served.
 */
final class AppContextHandler implements HttpHandler {

    private final Context.App context;
    private final ErrorLog errorLog;

    AppContextHandler(Context.App context, ErrorLog errorLog) {
        this.context = context;
        this.errorLog = errorLog;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        if (!context.allowBrowse()) {
            Refusals.refuse(exchange, StatusCodes.FORBIDDEN, errorLog, "context `" + context.uri().text()
                    + "` has allowBrowse 0");
            return;
        }
        Refusals.appNotRun(exchange, errorLog, "context `" + context.uri().text() + "` is handled by "
                + context.text());
    }
}
