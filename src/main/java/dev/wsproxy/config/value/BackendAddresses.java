package dev.wsproxy.config.value;

import dev.wsproxy.config.model.BackendAddress;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reads backend addresses: a websocket {@code address} (the forms of docs/compatibility.md: {@code ip:port},
 * {@code [v6]:port}, {@code localhost:port}, {@code host:port}, {@code /abs.sock}, {@code uds://path} or
 * {@code UDS://path} meaning {@code /path}, {@code unix:/path}) and an extprocessor {@code address}
 * (the same, plus an optional {@code http://} or {@code https://} and a default port).
 */
public final class BackendAddresses {
    private static final String FIX = "Write host:port, [ipv6]:port, /path/to.sock, uds://path/to.sock or unix:/path/to.sock.";

    private BackendAddresses() {
    }

    /** A websocket block's address. */
    public static Parsed<BackendAddress> websocket(String raw) {
        String text = raw.trim();
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.startsWith("ws://") || lower.startsWith("wss://") || lower.startsWith("http://")
                || lower.startsWith("https://")) {
            return Parsed.bad(Expected.ADDRESS, "`" + text + "` is a URL, not an address",
                    "wsproxy connects to websocket backends over plain TCP or a Unix socket. " + FIX);
        }
        return socket(text, text, 0, -1);
    }

    /**
     * An extprocessor's address; a host without a port means port 80, or 443 after {@code https://}, as OLS
     * appends it to a proxy address that has no colon.
     */
    public static Parsed<BackendAddress> proxy(String raw) {
        String text = raw.trim();
        String lower = text.toLowerCase(Locale.ROOT);
        int skip = 0;
        int defaultPort = 80;
        if (lower.startsWith("http://")) {
            skip = 7;
        } else if (lower.startsWith("https://")) {
            skip = 8;
            defaultPort = 443;
        }
        String rest = text.substring(skip);
        if (skip > 0 && rest.endsWith("/")) {
            rest = rest.substring(0, rest.length() - 1);
        }
        return socket(text, rest, skip, defaultPort);
    }

    private static Parsed<BackendAddress> socket(String text, String addr, int offset, int defaultPort) {
        String lower = addr.toLowerCase(Locale.ROOT);
        if (lower.startsWith("uds://")) {
            // OLS strips "uds:/", so uds://tmp/x.sock is /tmp/x.sock and uds:///x is //x
            return unix(text, addr.substring(5), offset);
        }
        if (lower.startsWith("unix:")) {
            return unix(text, addr.substring(5), offset + 5);
        }
        if (addr.startsWith("/")) {
            return unix(text, addr, offset);
        }
        if (addr.startsWith("[")) {
            int close = addr.indexOf(']');
            if (close < 0) {
                return Parsed.bad(Expected.ADDRESS, "`" + text + "` has no closing ]", FIX, offset);
            }
            String inside = addr.substring(1, close);
            if (IpLiterals.v6(inside).isEmpty()) {
                return Parsed.bad(Expected.ADDRESS, "`" + inside + "` is not an IPv6 address", FIX, offset + 1);
            }
            String host = IpLiterals.v6(inside).map(InetAddress::getHostAddress).orElse(inside);
            return port(text, addr.substring(close + 1), offset + close + 1, defaultPort)
                    .map(port -> new BackendAddress.Tcp(text, host, port));
        }
        int colon = addr.indexOf(':');
        if (colon >= 0 && addr.indexOf(':', colon + 1) >= 0) {
            return Parsed.bad(Expected.ADDRESS, "`" + text + "` looks like an IPv6 address without brackets",
                    "Write it as [ipv6]:port, for example [::1]:9002.", offset);
        }
        String host = colon < 0 ? addr : addr.substring(0, colon);
        if (host.isEmpty() || host.equals("*") || !host.matches("[A-Za-z0-9._-]+")) {
            return Parsed.bad(Expected.ADDRESS, "`" + text + "` is not a backend address",
                    "A backend needs a host to connect to. " + FIX, offset);
        }
        return port(text, colon < 0 ? "" : addr.substring(colon), offset + Math.max(colon, 0), defaultPort)
                .map(port -> new BackendAddress.Tcp(text, host, port));
    }

    private static Parsed<Integer> port(String text, String colonAndPort, int offset, int defaultPort) {
        if (colonAndPort.isEmpty() && defaultPort > 0) {
            return Parsed.ok(defaultPort);
        }
        if (!colonAndPort.startsWith(":")) {
            return Parsed.bad(Expected.ADDRESS, "`" + text + "` has no port", FIX, offset);
        }
        return Ports.port(colonAndPort.substring(1), offset + 1);
    }

    private static Parsed<BackendAddress> unix(String text, String path, int offset) {
        if (!path.startsWith("/")) {
            return Parsed.bad(Expected.ADDRESS, "`" + text + "` is not an absolute socket path",
                    "Unix socket paths are absolute: write unix:/path/to.sock or uds://path/to.sock.", offset);
        }
        return Parsed.ok(new BackendAddress.Unix(text, Path.of(path).normalize()));
    }
}
