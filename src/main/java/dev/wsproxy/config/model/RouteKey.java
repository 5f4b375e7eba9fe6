package dev.wsproxy.config.model;

/**
 * The route a context or websocket URI names; two URIs with one key are one route to the binder, lint and routers.
 * A plain path is keyed without repeated or trailing slashes, because the routers (like OLS's context tree) file
 * {@code /ws} and {@code /ws/} as one prefix; an {@code exp:} URI is keyed by its text.
 */
public record RouteKey(String value) {

    /** The key of a plain URI path: {@code /docs/} and {@code /docs} both give {@code /docs}; {@code /} stays. */
    static RouteKey ofPath(String path) {
        String single = path.replaceAll("/{2,}", "/");
        return new RouteKey(single.length() > 1 && single.endsWith("/")
                ? single.substring(0, single.length() - 1) : single);
    }
}
