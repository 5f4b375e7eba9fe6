package dev.wsproxy.server.exchange;

/**
 * The steps of the request pipeline, in the order a request meets them; the pipeline is built in this order
 * and a {@link Trace} names each decision by its step.
 */
public enum Step {
    /** The listener whose socket took the connection. */
    LISTENER("listener"),
    /** Request line and header limits, body framing, path cleaning: 400, 414, 431, 501. */
    REQUEST_GUARD("request guard"),
    /** The server's {@code accessControl}. */
    SERVER_ACCESS("server access control"),
    /** The listener's Host → vhost map: exact names, globs, the catch-all, or the listener's only vhost. */
    HOST_MAP("host map"),
    /** The vhost's {@code accessControl}. */
    VHOST_ACCESS("vhost access control"),
    /** The vhost's rewrite rules, before a context is chosen; a changed URL re-enters at {@link #CONTEXT}. */
    VHOST_REWRITE("vhost rewrite"),
    /** The vhost's context for the path: {@code exp:} contexts first, then the longest URI prefix. */
    CONTEXT("context"),
    /** The chosen context's rewrite rules (its own, inherited, its {@code .htaccess}). */
    CONTEXT_REWRITE("context rewrite"),
    /** The context's {@code accessControl}. */
    CONTEXT_ACCESS("context access control"),
    /** The context's realm: Basic credentials against the realm's user file. */
    REALM("realm"),
    /**
     * The vhost's {@code websocket} routes, for upgrades. OLS routes upgrades right after the vhost's access
     * control; wsproxy routes them here, so that the context's access control and realm apply to them too.
     */
    WEBSOCKET_ROUTE("websocket route"),
    /** The context's handler: static files, redirect, reverse proxy, or 503 for an app wsproxy does not run. */
    HANDLER("handler"),
    /** The vhost's {@code errorPage} file, or a short page, as the body of an error answer. */
    ERROR_PAGE("error page"),
    /** One access-log line when the request ends. */
    ACCESS_LOG("access log");

    private final String text;

    Step(String text) {
        this.text = text;
    }

    /** The step's name as {@code explain} prints it. */
    public String text() {
        return text;
    }
}
