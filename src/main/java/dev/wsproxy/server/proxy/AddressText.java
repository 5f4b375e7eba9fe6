package dev.wsproxy.server.proxy;

import dev.wsproxy.config.model.BackendAddress;
import java.nio.file.Path;

/**
 * Reads a backend address written the way OLS documents it: {@code ip:port}, {@code [v6]:port},
 * {@code host:port}, {@code /abs/path.sock}, {@code uds://path} or {@code UDS://path} (both meaning
 * {@code /path}, as OLS maps them) and {@code unix:/path}.
 */
public final class AddressText {

    private AddressText() {
    }

    /** @throws IllegalArgumentException with a message that says which forms are accepted */
    public static BackendAddress parse(String text) {
        String lower = text.toLowerCase(java.util.Locale.ROOT);
        if (lower.startsWith("uds://")) {
            return unix(text, "/" + text.substring("uds://".length()).replaceFirst("^/+", ""));
        }
        if (lower.startsWith("unix:")) {
            return unix(text, text.substring("unix:".length()));
        }
        if (text.startsWith("/")) {
            return unix(text, text);
        }
        int colon = text.lastIndexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            throw invalid(text, "a port is missing");
        }
        String host = text.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        } else if (host.contains(":")) {
            throw invalid(text, "an IPv6 address needs brackets, as in [::1]:9001");
        }
        int port;
        try {
            port = Integer.parseInt(text.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw invalid(text, "the port is not a number");
        }
        if (port < 0 || port > 65535 || host.isEmpty()) {
            throw invalid(text, "the port must be 0-65535 and the host non-empty");
        }
        return new BackendAddress.Tcp(text, host, port);
    }

    private static BackendAddress unix(String text, String path) {
        if (!path.startsWith("/") || path.length() < 2) {
            throw invalid(text, "a Unix socket path must be absolute");
        }
        return new BackendAddress.Unix(text, Path.of(path));
    }

    private static IllegalArgumentException invalid(String text, String why) {
        return new IllegalArgumentException("bad address '" + text + "': " + why
                + "; use ip:port, [v6]:port, host:port, /abs/path.sock, uds://path or unix:/path");
    }
}
