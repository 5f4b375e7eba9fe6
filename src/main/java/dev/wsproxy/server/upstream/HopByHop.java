package dev.wsproxy.server.upstream;

import java.util.Locale;
import java.util.Set;

/** Headers that describe one connection (RFC 9110 §7.6.1) and so are never passed through a proxy. */
final class HopByHop {

    private static final Set<String> NAMES = Set.of("connection", "keep-alive", "proxy-connection", "te", "trailer",
            "transfer-encoding", "upgrade", "proxy-authenticate", "proxy-authorization");

    private HopByHop() {
    }

    static boolean is(String headerName) {
        return NAMES.contains(headerName.toLowerCase(Locale.ROOT));
    }
}
