package dev.wsproxy.server.http;

import dev.wsproxy.server.exchange.Trace;
import dev.wsproxy.server.log.ErrorLog;
import dev.wsproxy.server.log.IpText;
import dev.wsproxy.server.log.LogText;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.StatusCodes;

/**
 * Ends an exchange with a refusal (401, 403; 503 for an app wsproxy does not run) and writes the
 * error-log line that says why, once per reason per interval (the repeats are counted).
 */
public final class Refusals {

    private Refusals() {
    }

    /** @param why which rule refused, in words; never a password or a hash */
    public static void refuse(HttpServerExchange exchange, int status, ErrorLog log, String why) {
        end(exchange, status, log, ErrorLog.Level.INFO, why);
    }

    /**
     * 503 for a request the config hands to an app wsproxy does not run, as OLS answers when the app cannot
     * start; the line is a WARN, so that an operator sees which app the config expects.
     *
     * @param what the file or context and the handler it belongs to
     */
    public static void appNotRun(HttpServerExchange exchange, ErrorLog log, String what) {
        end(exchange, StatusCodes.SERVICE_UNAVAILABLE, log, ErrorLog.Level.WARN, what
                + ", an app wsproxy does not run; proxy it to an HTTP server (a proxy extprocessor) to serve it");
    }

    private static void end(HttpServerExchange exchange, int status, ErrorLog log, ErrorLog.Level level, String why) {
        Trace.of(exchange).reason(why);
        log.limited(level, status + " " + why, "[" + IpText.of(exchange.getSourceAddress().getAddress()) + "] " + status
                + " " + exchange.getRequestMethod() + " " + LogText.printable(exchange.getRequestPath()) + ": " + why);
        Responses.end(exchange, status);
    }
}
