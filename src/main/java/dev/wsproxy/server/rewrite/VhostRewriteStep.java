package dev.wsproxy.server.rewrite;

import dev.wsproxy.server.exchange.RequestPath;
import dev.wsproxy.server.exchange.Step;
import dev.wsproxy.server.http.RedirectHandler.InternalRedirect;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;

/**
 * The vhost-level rewrite rules, between the vhost's accessControl and the choice of context. They see the
 * decoded, cleaned path with its leading '/'; a WebSocket upgrade a websocket block takes skips them, as in OLS.
 */
final class VhostRewriteStep implements HttpHandler {
    private final RewriteSite site;
    private final UpgradeRoutes upgrades;
    private final InternalRedirect redirect;
    private final HttpHandler next;

    VhostRewriteStep(RewriteSite site, UpgradeRoutes upgrades, InternalRedirect redirect, HttpHandler next) {
        this.site = site;
        this.upgrades = upgrades;
        this.redirect = redirect;
        this.next = next;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        String path = exchange.getAttachment(RequestPath.CLEAN);
        if (upgrades.takes(exchange, path)) {
            next.handleRequest(exchange);
            return;
        }
        RuleRun run = new RuleRun(site.vhostRules(), site.input(exchange, Step.VHOST_REWRITE, path, "", "", site.vhost().docRoot()));
        site.respond(run.run(), exchange, path, redirect, next);
    }
}
