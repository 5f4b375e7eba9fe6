package dev.wsproxy.server.http;

import dev.wsproxy.server.log.ErrorLog;
import io.undertow.server.HttpServerExchange;

/** Ends an exchange with a refusal (401, 403) and writes the one INFO error-log line that says why. */
public final class Refusals {

    private Refusals() {
    }

    /** @param why which rule refused, in words; never a password or a hash */
    public static void refuse(HttpServerExchange exchange, int status, ErrorLog log, String why) {
        log.log(ErrorLog.Level.INFO, "[" + IpText.of(exchange.getSourceAddress().getAddress()) + "] " + status + " "
                + exchange.getRequestMethod() + " " + printable(exchange.getRequestPath()) + ": " + why);
        Responses.end(exchange, status);
    }

    /** Client-sent text as it may appear in a log line: control characters replaced, at most 200 characters. */
    public static String printable(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().limit(200).forEach(c -> out.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return text.codePointCount(0, text.length()) > 200 ? out.append("...").toString() : out.toString();
    }
}
