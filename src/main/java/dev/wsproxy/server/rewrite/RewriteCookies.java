package dev.wsproxy.server.rewrite;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * The {@code CO=name:value:domain:lifetime:path:secure:httponly} flag: a {@code Set-Cookie} as OLS writes it
 * (path {@code /} unless one starting with '/' is given; lifetime in minutes).
 */
final class RewriteCookies {

    private RewriteCookies() {
    }

    static void set(HttpServerExchange exchange, String spec) {
        String[] f = spec.split(":", -1);
        if (f.length < 2 || f[0].isEmpty()) {
            return;
        }
        StringBuilder cookie = new StringBuilder(f[0]).append('=').append(f[1]);
        String path = f.length > 4 && f[4].startsWith("/") ? f[4] : "/";
        cookie.append("; path=").append(path);
        if (f.length > 2 && !f[2].isEmpty()) {
            cookie.append("; domain=").append(f[2]);
        }
        int minutes = f.length > 3 ? parse(f[3]) : 0;
        if (minutes != 0) {
            cookie.append("; expires=").append(DateTimeFormatter.RFC_1123_DATE_TIME.format(
                    ZonedDateTime.now(ZoneOffset.UTC).plusMinutes(minutes)));
        }
        if (f.length > 5 && on(f[5], "secure")) {
            cookie.append("; secure");
        }
        if (f.length > 6 && on(f[6], "HttpOnly")) {
            cookie.append("; HttpOnly");
        }
        exchange.getResponseHeaders().add(Headers.SET_COOKIE, cookie.toString());
    }

    private static boolean on(String flag, String word) {
        return flag.startsWith("1") || flag.regionMatches(true, 0, "true", 0, 4) || flag.equalsIgnoreCase(word);
    }

    private static int parse(String number) {
        try {
            return Integer.parseInt(number.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
