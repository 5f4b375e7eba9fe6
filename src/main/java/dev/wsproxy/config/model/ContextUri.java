package dev.wsproxy.config.model;

import java.util.regex.Pattern;

/** The URI a context or websocket block applies to: a plain segment prefix or an {@code exp:} regex. */
public sealed interface ContextUri {

    /** The URI as written, {@code exp:} included. */
    String text();

    /** The route this URI names; URIs with equal keys are one route. */
    RouteKey routeKey();

    /** A plain URI; matches itself and everything below it, segment by segment ({@code /ws} never matches {@code /wsx}). */
    record Prefix(String text, String path) implements ContextUri {
        @Override
        public RouteKey routeKey() {
            return RouteKey.ofPath(path);
        }
    }

    /** An {@code exp:} URI; the pattern is searched (unanchored unless written with ^) in the decoded path. */
    record Regex(String text, Pattern pattern) implements ContextUri {
        @Override
        public RouteKey routeKey() {
            return new RouteKey(text);
        }
    }
}
