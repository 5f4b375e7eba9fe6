package dev.wsproxy.server.routing;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * A decoded request path cleaned like OLS {@code GPath::clean}: empty and {@code .} segments dropped,
 * {@code ..} removing the segment before it, the trailing slash kept. A path whose {@code ..} climbs
 * above the root has no clean form.
 */
public final class CleanPath {

    private CleanPath() {
    }

    public static Optional<String> of(String decodedPath) {
        Deque<String> segments = new ArrayDeque<>();
        boolean trailingSlash = decodedPath.isEmpty() || decodedPath.endsWith("/");
        for (String segment : decodedPath.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                if (segments.isEmpty()) {
                    return Optional.empty();
                }
                segments.removeLast();
            } else {
                segments.addLast(segment);
            }
        }
        if (decodedPath.endsWith("/.") || decodedPath.endsWith("/..")) {
            trailingSlash = true;
        }
        String joined = "/" + String.join("/", segments);
        return Optional.of(trailingSlash && !segments.isEmpty() ? joined + "/" : joined);
    }
}
