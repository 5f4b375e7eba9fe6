package dev.wsproxy.server.pipeline;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;

/**
 * A request to explain: its absolute {@code http} or {@code https} URL, its method, whether it asks for a WebSocket
 * upgrade, the client's address and extra header lines ({@code Name: value}; a Host line replaces the URL's).
 */
public record ExplainRequest(URI url, String method, boolean upgrade, InetAddress client, List<String> headers) {

    public ExplainRequest {
        headers = List.copyOf(headers);
    }

    /** The address an IP literal names; empty for a host name, which this never looks up. */
    public static Optional<InetAddress> ipLiteral(String text) {
        if (!text.matches("[0-9.]+|[0-9a-fA-F:.]*:[0-9a-fA-F:.]*")) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(text));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    public String host() {
        return url.getHost().startsWith("[") ? url.getHost().substring(1, url.getHost().length() - 1) : url.getHost();
    }

    public int port() {
        return url.getPort() >= 0 ? url.getPort() : "https".equalsIgnoreCase(url.getScheme()) ? 443 : 80;
    }
}
