package dev.wsproxy.server.rewrite;

/** What running a rule set decided for a request. */
sealed interface Outcome {

    /** No rule changed the URL: the request goes on as it was. */
    record Unchanged() implements Outcome {
    }

    /** An internal rewrite to {@code path} (decoded) with {@code query}. */
    record Rewritten(String path, String query) implements Outcome {
    }

    /** {@code [R]}: a redirect to {@code url} (a path or an absolute URL) with {@code query}. */
    record Redirect(int status, String url, String query, boolean noEscape) implements Outcome {
    }

    /** A status answered at once: {@code [F]}, {@code [G]}, an {@code R} code that is no redirect, or 500. */
    record Status(int status, String why) implements Outcome {
    }

    /** {@code [P]}: {@code url} is {@code http[s]://NAME/path} or {@code ws[s]://host:port/path}. */
    record Proxy(String url, String query) implements Outcome {
    }
}
