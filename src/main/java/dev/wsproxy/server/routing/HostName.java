package dev.wsproxy.server.routing;

import java.util.Locale;

/**
 * The Host header reduced the way OLS reduces it before the vhost lookup: lowercased, port removed and a
 * leading {@code www.} removed. Unlike OLS, a bracketed IPv6 literal keeps its colons.
 */
public final class HostName {

    private HostName() {
    }

    /** The lookup key for a Host header value; the empty string when there is none. */
    public static String normalize(String hostHeader) {
        if (hostHeader == null) {
            return "";
        }
        String host = hostHeader.trim().toLowerCase(Locale.ROOT);
        if (host.startsWith("[")) {
            int close = host.indexOf(']');
            if (close > 0) {
                host = host.substring(0, close + 1);
            }
        } else {
            int colon = host.indexOf(':');
            if (colon >= 0) {
                host = host.substring(0, colon);
            }
        }
        return host.startsWith("www.") ? host.substring(4) : host;
    }
}
