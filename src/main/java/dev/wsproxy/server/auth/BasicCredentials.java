package dev.wsproxy.server.auth;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

/**
 * The user name and password of an {@code Authorization: Basic} header, read as OLS reads them: the name ends at
 * the first ':', both are trimmed, and an empty name or password counts as no credentials.
 */
record BasicCredentials(String user, byte[] password) {

    static Optional<BasicCredentials> of(HttpServerExchange exchange) {
        String header = exchange.getRequestHeaders().getFirst(Headers.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(header.substring(6).strip());
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
        int colon = indexOf(decoded, (byte) ':');
        if (colon < 0) {
            return Optional.empty();
        }
        String user = new String(decoded, 0, colon, StandardCharsets.UTF_8).strip();
        byte[] password = trimmed(Arrays.copyOfRange(decoded, colon + 1, decoded.length));
        Arrays.fill(decoded, (byte) 0);
        return user.isEmpty() || password.length == 0 ? Optional.empty() : Optional.of(new BasicCredentials(user, password));
    }

    private static int indexOf(byte[] bytes, byte wanted) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return -1;
    }

    private static byte[] trimmed(byte[] bytes) {
        int start = 0;
        int end = bytes.length;
        while (start < end && Character.isWhitespace(bytes[start])) {
            start++;
        }
        while (end > start && Character.isWhitespace(bytes[end - 1])) {
            end--;
        }
        return Arrays.copyOfRange(bytes, start, end);
    }

    /** The user name only: the password never reaches a log. */
    @Override
    public String toString() {
        return "BasicCredentials[" + user + "]";
    }
}
