package dev.wsproxy.server.log;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.HttpString;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * An Apache-style access-log format ({@code logFormat}); without one, the combined format OLS writes by
 * default. Supported: {@code %h %a %l %u %t %r %s %>s %b %B %D %T %U %q %m %H %v %p %{Header}i %{Header}o %%}.
 */
public final class AccessLogFormat {

    /** Apache "combined", the OLS default. */
    public static final String COMBINED = "%h %l %u %t \"%r\" %>s %b \"%{Referer}i\" \"%{User-Agent}i\"";

    private final List<Function<HttpServerExchange, String>> parts = new ArrayList<>();

    /**
     * @param written the format as written; surrounding double quotes are removed and {@code \"} means a quote,
     *               as in the Apache-style values real OLS configs carry ({@code "%h %l %u %t \"%r\" %>s %b"})
     */
    public AccessLogFormat(String written) {
        String format = unquote(written.trim());
        StringBuilder literal = new StringBuilder();
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (c != '%' || i + 1 >= format.length()) {
                literal.append(c);
                continue;
            }
            String literalText = literal.toString();
            literal.setLength(0);
            parts.add(exchange -> literalText);
            char directive = format.charAt(++i);
            if (directive == '>' && i + 1 < format.length()) {
                directive = format.charAt(++i);
            }
            if (directive == '{') {
                int close = format.indexOf('}', i);
                if (close < 0 || close + 1 >= format.length()) {
                    literal.append(format, i - 1, format.length());
                    break;
                }
                HttpString header = HttpString.tryFromString(format.substring(i + 1, close));
                char kind = format.charAt(close + 1);
                i = close + 1;
                parts.add(kind == 'o' ? exchange -> dashIfEmpty(exchange.getResponseHeaders().getFirst(header))
                        : exchange -> LogText.escaped(dashIfEmpty(exchange.getRequestHeaders().getFirst(header))));
            } else {
                parts.add(simple(directive));
            }
        }
        String tail = literal.toString();
        parts.add(exchange -> tail);
    }

    private static String unquote(String written) {
        String inner = written.length() >= 2 && written.startsWith("\"") && written.endsWith("\"")
                ? written.substring(1, written.length() - 1) : written;
        return inner.replace("\\\"", "\"");
    }

    public String line(HttpServerExchange exchange) {
        StringBuilder line = new StringBuilder(160);
        for (Function<HttpServerExchange, String> part : parts) {
            line.append(part.apply(exchange));
        }
        return line.toString();
    }

    private static Function<HttpServerExchange, String> simple(char directive) {
        switch (directive) {
            case 'h':
            case 'a':
                return exchange -> IpText.of(exchange.getSourceAddress().getAddress());
            case 'l':
            case 'u':
                return exchange -> "-";
            case 't':
                return exchange -> LogClock.now();
            case 'r':
                return AccessLogFormat::requestLine;
            case 's':
                return exchange -> Integer.toString(exchange.getStatusCode());
            case 'b':
                return exchange -> exchange.getResponseBytesSent() == 0 ? "-" : Long.toString(exchange.getResponseBytesSent());
            case 'B':
                return exchange -> Long.toString(exchange.getResponseBytesSent());
            case 'D':
                return exchange -> Long.toString(TimeUnit.NANOSECONDS.toMicros(elapsedNanos(exchange)));
            case 'T':
                return exchange -> Long.toString(TimeUnit.NANOSECONDS.toSeconds(elapsedNanos(exchange)));
            case 'U':
                return exchange -> LogText.escaped(exchange.getRequestPath());
            case 'q':
                return exchange -> exchange.getQueryString().isEmpty() ? "" : "?" + LogText.escaped(exchange.getQueryString());
            case 'm':
                return exchange -> exchange.getRequestMethod().toString();
            case 'H':
                return exchange -> exchange.getProtocol().toString();
            case 'v':
                return exchange -> LogText.escaped(exchange.getHostName());
            case 'p':
                return exchange -> Integer.toString(exchange.getDestinationAddress().getPort());
            case '%':
                return exchange -> "%";
            default:
                String unknown = "%" + directive;
                return exchange -> unknown;
        }
    }

    private static String requestLine(HttpServerExchange exchange) {
        String query = exchange.getQueryString();
        return exchange.getRequestMethod() + " " + LogText.escaped(exchange.getRequestURI() + (query.isEmpty() ? "" : "?" + query))
                + " " + exchange.getProtocol();
    }

    private static long elapsedNanos(HttpServerExchange exchange) {
        long start = exchange.getRequestStartTime();
        return start <= 0 ? 0 : System.nanoTime() - start;
    }

    private static String dashIfEmpty(String value) {
        return value == null || value.isEmpty() ? "-" : value;
    }
}
