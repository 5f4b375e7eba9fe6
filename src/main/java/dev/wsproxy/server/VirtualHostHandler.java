package dev.wsproxy.server;

import dev.wsproxy.config.model.AccessControl;
import dev.wsproxy.config.model.Context;
import dev.wsproxy.config.model.ContextUri;
import dev.wsproxy.config.model.MimeTypes;
import dev.wsproxy.config.model.VirtualHost;
import dev.wsproxy.config.model.WebSocketRoute;
import dev.wsproxy.server.access.AccessCheck;
import dev.wsproxy.server.access.ClientAccess;
import dev.wsproxy.server.auth.RealmCheck;
import dev.wsproxy.server.files.ErrorPageFiles;
import dev.wsproxy.server.files.StaticHandler;
import dev.wsproxy.server.http.ErrorPageSource;
import dev.wsproxy.server.http.ExtraHeaders;
import dev.wsproxy.server.http.IpText;
import dev.wsproxy.server.http.RedirectHandler;
import dev.wsproxy.server.http.Refusals;
import dev.wsproxy.server.http.Responses;
import dev.wsproxy.server.http.UriPaths;
import dev.wsproxy.server.log.AccessLog;
import dev.wsproxy.server.log.AccessLogging;
import dev.wsproxy.server.log.ErrorLog;
import dev.wsproxy.server.log.LogText;
import dev.wsproxy.server.rewrite.RewriteSite;
import dev.wsproxy.server.routing.CleanPath;
import dev.wsproxy.server.routing.ContextMatch;
import dev.wsproxy.server.routing.ContextRouter;
import dev.wsproxy.server.routing.RequestGuard;
import dev.wsproxy.server.upstream.ReverseProxyHandler;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.AttachmentKey;
import io.undertow.util.Headers;
import io.undertow.util.StatusCodes;
import java.time.Duration;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything one vhost does with a request: its accessControl, the choice of context and that context's
 * accessControl and realm ({@link RealmCheck}), then the WebSocket routes ({@link UpgradeRouting}), then the
 * context itself (static files, redirect, reverse proxy, or 503 for an app wsproxy does not run) with its
 * extraHeaders.
 */
final class VirtualHostHandler implements HttpHandler {

    /** Internal redirects allowed for one request before it is answered 500 (a loop in the config), as in OLS. */
    private static final int MAX_INTERNAL_REDIRECTS = 10;
    private static final AttachmentKey<Integer> REDIRECTS = AttachmentKey.create(Integer.class);

    private final AccessLog accessLog;
    private final ErrorLog errorLog;
    private final Duration proxyTimeout;
    private final ErrorPageSource errorPages;
    private final ContextRouter router;
    private final Map<Context, HttpHandler> contextHandlers = new IdentityHashMap<>();
    private final HttpHandler afterContextChecks;
    private final HttpHandler contextRewrite;
    private final HttpHandler entry;

    VirtualHostHandler(VirtualHost vhost, MimeTypes mime, Duration proxyTimeout, AccessLog accessLog, ErrorLog errorLog,
                       UpgradeRouting upgrades) {
        this.accessLog = accessLog;
        this.errorLog = errorLog;
        this.proxyTimeout = proxyTimeout;
        this.router = new ContextRouter(vhost.contexts());
        this.errorPages = new ErrorPageFiles(vhost, mime, router);
        for (Context context : vhost.contexts()) {
            contextHandlers.put(context, ExtraHeaders.wrap(context.extraHeaders(), handlerOf(context, vhost, mime)));
        }
        this.afterContextChecks = RealmCheck.wrap(vhost.contexts(), errorLog,
                upgrades.wrap(vhost, accessLog, this::dispatchToContext));
        RewriteSite rewrite = new RewriteSite(vhost, proxyTimeout, errorLog, route -> upgrades.wrap(
                vhostWith(vhost, route), accessLog, this::dispatchToContext));
        this.contextRewrite = rewrite.contextStep(this::internalRedirect, this::checkContextAccess);
        this.entry = AccessCheck.wrap(vhost.accessControl(), "virtual host `" + vhost.name() + "`", errorLog,
                rewrite.vhostStep(this::internalRedirect, this::selectContext));
    }

    private HttpHandler handlerOf(Context context, VirtualHost vhost, MimeTypes mime) {
        if (context instanceof Context.Static files) {
            return new StaticHandler(files, mime, vhost, errorLog);
        }
        if (context instanceof Context.Redirect redirect) {
            return new RedirectHandler(redirect, this::internalRedirect);
        }
        if (context instanceof Context.App app) {
            return new AppContextHandler(app, errorLog);
        }
        return new ReverseProxyHandler((Context.Proxy) context, proxyTimeout);
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        exchange.putAttachment(AccessLogging.LOG, accessLog);
        exchange.putAttachment(ErrorPageSource.KEY, errorPages);
        entry.handleRequest(exchange);
    }

    private void selectContext(HttpServerExchange exchange) throws Exception {
        Optional<ContextMatch> match = router.select(exchange.getAttachment(RequestGuard.CLEAN_PATH));
        if (match.isEmpty()) {
            Responses.end(exchange, StatusCodes.NOT_FOUND);
            return;
        }
        exchange.putAttachment(ContextMatch.KEY, match.get());
        contextRewrite.handleRequest(exchange);
    }

    private void checkContextAccess(HttpServerExchange exchange) throws Exception {
        Context context = exchange.getAttachment(ContextMatch.KEY).context();
        Optional<AccessControl> acl = context.accessControl();
        if (acl.isPresent() && !ClientAccess.allows(acl.get(), exchange.getSourceAddress().getAddress())) {
            Refusals.refuse(exchange, StatusCodes.FORBIDDEN, errorLog, "the accessControl of context `"
                    + context.uri().text() + "` denies this client");
            return;
        }
        afterContextChecks.handleRequest(exchange);
    }

    /** OLS answers a request for a context URI without its trailing slash with a 301 to the slash. */
    private void dispatchToContext(HttpServerExchange exchange) throws Exception {
        Optional<HttpHandler> proxied = RewriteSite.proxyOf(exchange);
        if (proxied.isPresent()) {
            proxied.get().handleRequest(exchange);
            return;
        }
        ContextMatch match = exchange.getAttachment(ContextMatch.KEY);
        String path = exchange.getAttachment(RequestGuard.CLEAN_PATH);
        if (match.context().uri() instanceof ContextUri.Prefix prefix && prefix.path().length() > 1
                && prefix.path().endsWith("/") && path.length() == prefix.path().length() - 1) {
            exchange.getResponseHeaders().put(Headers.LOCATION,
                    UriPaths.origin(exchange) + UriPaths.encode(path + "/") + UriPaths.querySuffix(exchange));
            Responses.end(exchange, StatusCodes.MOVED_PERMANENTLY);
            return;
        }
        contextHandlers.get(match.context()).handleRequest(exchange);
    }

    private void internalRedirect(HttpServerExchange exchange, String decodedPath) throws Exception {
        Integer done = exchange.getAttachment(REDIRECTS);
        int hops = done == null ? 1 : done + 1;
        Optional<String> path = CleanPath.of(decodedPath);
        if (hops > MAX_INTERNAL_REDIRECTS || path.isEmpty()) {
            errorLog.log(ErrorLog.Level.ERROR, "[" + IpText.of(exchange.getSourceAddress().getAddress()) + "] 500 "
                    + exchange.getRequestMethod() + " " + LogText.printable(exchange.getRequestPath()) + ": "
                    + (path.isEmpty() ? "an internal redirect to `" + LogText.printable(decodedPath)
                    + "`, which leaves the document root" : "more than " + MAX_INTERNAL_REDIRECTS
                    + " internal redirects (a loop in the rewrite rules or redirect contexts)"));
            Responses.end(exchange, StatusCodes.INTERNAL_SERVER_ERROR);
            return;
        }
        exchange.putAttachment(REDIRECTS, hops);
        exchange.putAttachment(RequestGuard.CLEAN_PATH, path.get());
        selectContext(exchange);
    }

    /** The vhost with {@code route} as its only websocket route: the tunnel of a rewrite rule's {@code ws://} target. */
    private static VirtualHost vhostWith(VirtualHost vhost, WebSocketRoute route) {
        return new VirtualHost(vhost.name(), vhost.vhRoot(), vhost.docRoot(), vhost.domain(), vhost.aliases(),
                vhost.symlinks(), vhost.scripts(), vhost.accessControl(), vhost.errorPages(), vhost.accessLog(),
                vhost.contexts(), List.of(route), vhost.vhssl(), vhost.span());
    }
}
