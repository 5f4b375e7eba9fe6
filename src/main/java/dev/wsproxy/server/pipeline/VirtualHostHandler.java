package dev.wsproxy.server.pipeline;

import dev.wsproxy.config.model.Compression;
import dev.wsproxy.config.model.MimeTypes;
import dev.wsproxy.config.model.VirtualHost;
import dev.wsproxy.config.model.WebSocketRoute;
import dev.wsproxy.server.access.AccessCheck;
import dev.wsproxy.server.access.ContextAccessCheck;
import dev.wsproxy.server.auth.RealmCheck;
import dev.wsproxy.server.compress.DynamicGzip;
import dev.wsproxy.server.exchange.ErrorPageSource;
import dev.wsproxy.server.exchange.RequestPath;
import dev.wsproxy.server.exchange.Step;
import dev.wsproxy.server.exchange.Trace;
import dev.wsproxy.server.exchange.UpgradeRouting;
import dev.wsproxy.server.files.ErrorPageFiles;
import dev.wsproxy.server.http.Responses;
import dev.wsproxy.server.log.AccessLog;
import dev.wsproxy.server.log.AccessLogging;
import dev.wsproxy.server.log.ErrorLog;
import dev.wsproxy.server.log.IpText;
import dev.wsproxy.server.log.LogText;
import dev.wsproxy.server.rewrite.RewriteSite;
import dev.wsproxy.server.routing.CleanPath;
import dev.wsproxy.server.routing.ContextRouter;
import dev.wsproxy.server.routing.ContextSelection;
import dev.wsproxy.server.upstream.Upstreams;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.AttachmentKey;
import io.undertow.util.StatusCodes;
import java.util.List;
import java.util.Optional;

/**
 * The steps of one vhost, from its access control to its context's handler, in {@link Step} order; the request
 * gets the vhost's access log and error pages on the way in. An internal redirect enters again at the context step.
 */
final class VirtualHostHandler implements HttpHandler {

    /** Internal redirects allowed for one request before it is answered 500 (a loop in the config), as in OLS. */
    private static final int MAX_INTERNAL_REDIRECTS = 10;
    private static final AttachmentKey<Integer> REDIRECTS = AttachmentKey.create(Integer.class);

    private final AccessLog accessLog;
    private final ErrorPageSource errorPages;
    private final ErrorLog errorLog;
    private final HttpHandler entry;
    private final HttpHandler fromContext;
    private final Compression compression;

    VirtualHostHandler(VirtualHost vhost, MimeTypes mime, Compression compression, Upstreams upstreams,
                       AccessLog accessLog, ErrorLog errorLog, UpgradeRouting upgrades) {
        this.accessLog = accessLog;
        this.compression = compression.forVhost(vhost.gzip());
        this.errorLog = errorLog;
        ContextRouter router = new ContextRouter(vhost.contexts());
        this.errorPages = new ErrorPageFiles(vhost, mime, router);
        HttpHandler handlers = new ContextHandlers(vhost, mime, this.compression, upstreams, errorLog,
                this::internalRedirect);
        RewriteSite rewrite = new RewriteSite(vhost, upstreams, errorLog,
                route -> upgrades.wrap(vhostWith(vhost, route), accessLog, handlers));
        StepChain steps = StepChain.of(
                new Stage(Step.VHOST_ACCESS, next -> AccessCheck.wrap(Step.VHOST_ACCESS, vhost.accessControl(),
                        "virtual host `" + vhost.name() + "`", errorLog, next)),
                new Stage(Step.VHOST_REWRITE, next -> rewrite.vhostStep(this::internalRedirect, next)),
                new Stage(Step.CONTEXT, next -> new ContextSelection(router, next)),
                new Stage(Step.CONTEXT_REWRITE, next -> rewrite.contextStep(this::internalRedirect, next)),
                new Stage(Step.CONTEXT_ACCESS, next -> new ContextAccessCheck(errorLog, next)),
                new Stage(Step.REALM, next -> RealmCheck.wrap(vhost.contexts(), errorLog, next)),
                new Stage(Step.WEBSOCKET_ROUTE, next -> upgrades.wrap(vhost, accessLog, next)),
                Stage.last(Step.HANDLER, handlers));
        this.entry = steps.entry();
        this.fromContext = steps.at(Step.CONTEXT);
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        exchange.putAttachment(AccessLogging.LOG, accessLog);
        exchange.putAttachment(ErrorPageSource.KEY, errorPages);
        exchange.putAttachment(DynamicGzip.SETTINGS, compression);
        entry.handleRequest(exchange);
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
            Trace.of(exchange).note(Step.HANDLER, hops > MAX_INTERNAL_REDIRECTS ? "too many internal redirects"
                    : "the redirect's path cannot be mapped safely");
            Responses.end(exchange, StatusCodes.INTERNAL_SERVER_ERROR);
            return;
        }
        exchange.putAttachment(REDIRECTS, hops);
        exchange.putAttachment(RequestPath.CLEAN, path.get());
        fromContext.handleRequest(exchange);
    }

    /** The vhost with {@code route} as its only websocket route: the tunnel of a rewrite rule's {@code ws://} target. */
    private static VirtualHost vhostWith(VirtualHost vhost, WebSocketRoute route) {
        return new VirtualHost(vhost.name(), vhost.vhRoot(), vhost.docRoot(), vhost.domain(), vhost.aliases(),
                vhost.symlinks(), vhost.scripts(), vhost.accessControl(), vhost.errorPages(), vhost.accessLog(),
                vhost.contexts(), List.of(route), vhost.vhssl(), vhost.span());
    }
}
