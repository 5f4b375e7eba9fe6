package dev.wsproxy.server.upstream;

import dev.wsproxy.config.model.Context;
import dev.wsproxy.server.http.Responses;
import dev.wsproxy.server.log.ErrorLog;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.StatusCodes;
import java.time.Duration;

/**
 * The 5xx answers wsproxy gives when a proxy context's backend fails, each with one error-log line per kind and
 * interval.
 */
final class BackendFailures {

    private final Context.Proxy context;
    private final ErrorLog errorLog;

    BackendFailures(Context.Proxy context, ErrorLog errorLog) {
        this.context = context;
        this.errorLog = errorLog;
    }

    /** Answers {@code status}, the backend having failed in the way {@code kind} names, for the reason {@code why}. */
    void answer(HttpServerExchange exchange, int status, String kind, String why) {
        String where = "proxy context `" + context.uri().text() + "`";
        errorLog.limited(ErrorLog.Level.ERROR, where + " " + kind, where + ": " + status + ", backend "
                + context.handler().name() + " (" + context.handler().address().text() + ") failed (" + kind
                + "): " + why);
        Responses.end(exchange, status);
    }

    /** Answers 503: all of the pool's connections stayed busy for the timeout. */
    void busy(HttpServerExchange exchange, BackendPool pool, Duration timeout) {
        answer(exchange, StatusCodes.SERVICE_UNAVAILABLE, "busy", "all " + pool.maxConns()
                + " connections (maxConns) stayed busy for " + timeout.toSeconds() + "s");
    }
}
