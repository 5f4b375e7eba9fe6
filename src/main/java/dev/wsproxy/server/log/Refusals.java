package dev.wsproxy.server.log;

import dev.wsproxy.server.http.IpText;
import dev.wsproxy.server.http.Responses;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.StatusCodes;

/**
 * Ends the requests the server refuses on a rule of its config, each with one error-log line saying which
 * rule refused which file or URI: 403 at INFO (access control, allowBrowse 0, symbolic links, enableScript 0,
 * x-httpd types, {@code .ht*} files, unreadable files), and 503 at WARN for an app wsproxy does not run, so
 * that an operator sees the app the config expects.
 */
public final class Refusals {

    private final ErrorLog log;

    public Refusals(ErrorLog log) {
        this.log = log;
    }

    public void forbidden(HttpServerExchange exchange, String reason) {
        refuse(exchange, StatusCodes.FORBIDDEN, ErrorLog.Level.INFO, reason);
    }

    /** 503 for a request the config hands to an app wsproxy does not run; {@code what} names file or context and app. */
    public void appNotRun(HttpServerExchange exchange, String what) {
        refuse(exchange, StatusCodes.SERVICE_UNAVAILABLE, ErrorLog.Level.WARN, what
                + ", an app wsproxy does not run; proxy it to an HTTP server (a proxy extprocessor) to serve it");
    }

    private void refuse(HttpServerExchange exchange, int status, ErrorLog.Level level, String reason) {
        // the raw request URI: still percent-encoded, so a client cannot write line breaks into the log
        log.log(level, "[" + IpText.of(exchange.getSourceAddress().getAddress()) + "] "
                + exchange.getRequestMethod() + " " + exchange.getRequestURI() + ": " + status + " "
                + StatusCodes.getReason(status) + ": " + reason);
        Responses.end(exchange, status);
    }
}
