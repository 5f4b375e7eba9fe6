package dev.wsproxy.server.compress;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderValues;
import io.undertow.util.Headers;
import java.util.Locale;

/** What a request's {@code Accept-Encoding} allows: gzip when it names {@code gzip} (or {@code x-gzip}) with a q above 0. */
public final class AcceptEncoding {

    private AcceptEncoding() {
    }

    public static boolean gzip(HttpServerExchange exchange) {
        HeaderValues values = exchange.getRequestHeaders().get(Headers.ACCEPT_ENCODING);
        if (values == null) {
            return false;
        }
        for (String value : values) {
            for (String coding : value.split(",")) {
                if (acceptsGzip(coding)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean acceptsGzip(String coding) {
        String[] parts = coding.split(";");
        String name = parts[0].trim().toLowerCase(Locale.ROOT);
        if (!name.equals("gzip") && !name.equals("x-gzip")) {
            return false;
        }
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].trim().toLowerCase(Locale.ROOT);
            if (parameter.startsWith("q=")) {
                try {
                    return Double.parseDouble(parameter.substring(2).trim()) > 0;
                } catch (NumberFormatException e) {
                    return false;
                }
            }
        }
        return true;
    }
}
