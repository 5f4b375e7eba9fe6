package dev.wsproxy.server.exchange;

import java.nio.file.Path;

/**
 * What the pipeline would answer a request: its kind, its target (a file, a backend address or a redirect
 * location; null for an error) and its status where it is known before the request runs (null for a proxied
 * request or a tunnel, whose backend answers).
 */
public record Outcome(Kind kind, String target, Integer status) {

    /** The kinds of answer. */
    public enum Kind { STATIC, REDIRECT, PROXY, WEBSOCKET, ERROR }

    private static final int OK = 200;

    /** A file (or a directory's listing) sent from disk. */
    public static Outcome file(Path file) {
        return new Outcome(Kind.STATIC, file.toString(), OK);
    }

    /** A request handed to a proxy context's backend. */
    public static Outcome proxy(String backend) {
        return new Outcome(Kind.PROXY, backend, null);
    }

    /** An upgrade tunnelled to a websocket route's backend. */
    public static Outcome tunnel(String backend) {
        return new Outcome(Kind.WEBSOCKET, backend, null);
    }

    /** An answer with a status and no body of its own: a redirect when it has a location, else an error. */
    public static Outcome answered(int status, String location) {
        return location != null && status >= 300 && status < 400
                ? new Outcome(Kind.REDIRECT, location, status)
                : new Outcome(Kind.ERROR, null, status);
    }
}
