package dev.wsproxy.config.value;

import dev.wsproxy.config.model.ListenAddress;
import java.net.InetAddress;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads a listener {@code address} as OLS's {@code GSockAddr::set} does: {@code *:80}, {@code ANY:80},
 * {@code ALL:80}, {@code 10.0.0.1:80}, {@code [::]:80}, {@code [ANY]:443}, {@code [*]:443}, {@code [::FFFF:1.2.3.4]:80},
 * {@code localhost:80}. The port is required; host names are rejected.
 */
public final class ListenAddresses {
    private static final String FIX = "Write ip:port, *:port or [ipv6]:port, for example *:8088 or [::1]:8088.";

    private ListenAddresses() {
    }

    public static Parsed<ListenAddress> parse(String raw) {
        String text = raw.trim();
        String host;
        int portStart;
        if (text.startsWith("[")) {
            int close = text.indexOf(']');
            if (close < 0 || close + 1 >= text.length() || text.charAt(close + 1) != ':') {
                return Parsed.bad(Expected.ADDRESS, "`" + text + "` has no port", FIX);
            }
            String inside = text.substring(1, close);
            Optional<String> v6 = inside.equalsIgnoreCase("ANY") || inside.equals("*") ? Optional.of("::")
                    : IpLiterals.v6(inside).map(InetAddress::getHostAddress);
            if (v6.isEmpty()) {
                return Parsed.bad(Expected.ADDRESS, "`" + inside + "` is not an IPv6 address", FIX, 1);
            }
            host = v6.get();
            portStart = close + 2;
        } else {
            int colon = text.lastIndexOf(':');
            if (colon < 0) {
                return Parsed.bad(Expected.ADDRESS, "`" + text + "` has no port", FIX);
            }
            String name = text.substring(0, colon);
            Optional<String> ip = switch (name.toUpperCase(Locale.ROOT)) {
                case "*", "ANY", "ALL" -> Optional.of("0.0.0.0");
                case "LOCALHOST" -> Optional.of("127.0.0.1");
                default -> IpLiterals.v4(name).map(InetAddress::getHostAddress);
            };
            if (ip.isEmpty()) {
                return Parsed.bad(Expected.ADDRESS, "`" + name + "` is not an IP address",
                        "A listener binds an address, not a host name (OLS rejects it too). " + FIX);
            }
            host = ip.get();
            portStart = colon + 1;
        }
        return Ports.port(text.substring(portStart), portStart).map(port -> new ListenAddress(text, host, port));
    }
}
