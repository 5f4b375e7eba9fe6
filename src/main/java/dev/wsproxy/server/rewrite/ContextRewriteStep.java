package dev.wsproxy.server.rewrite;

import dev.wsproxy.config.model.Context;
import dev.wsproxy.config.model.ContextUri;
import dev.wsproxy.server.exchange.ContextMatch;
import dev.wsproxy.server.exchange.RequestPath;
import dev.wsproxy.server.exchange.Step;
import dev.wsproxy.server.http.RedirectHandler.InternalRedirect;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import java.util.Comparator;
import java.util.List;

/**
 * The chosen context's rewrite rules, before its accessControl and realm; not for proxy contexts, not after an
 * {@code [END]} or a vhost-level {@code [P]}. Below a static context the deepest directory whose .htaccess has
 * rewrite settings takes its place. The rules see the path with the context (or directory) URI, else the
 * RewriteBase, cut off; a relative result goes under the RewriteBase, else that URI. A changed URL is served as an
 * internal redirect, which chooses the context again.
 */
final class ContextRewriteStep implements HttpHandler {
    private final RewriteSite site;
    private final InternalRedirect redirect;
    private final HttpHandler next;

    ContextRewriteStep(RewriteSite site, InternalRedirect redirect, HttpHandler next) {
        this.site = site;
        this.redirect = redirect;
        this.next = next;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        Context context = exchange.getAttachment(ContextMatch.KEY).context();
        RewriteState state = exchange.getAttachment(RewriteState.KEY);
        if (context instanceof Context.Proxy || state != null && state.ended() || RewriteSite.proxyOf(exchange).isPresent()) {
            next.handleRequest(exchange);
            return;
        }
        String path = exchange.getAttachment(RequestPath.CLEAN);
        RewriteSite.ContextRules rules = site.contextRules(context, parents(context), path);
        if (!rules.on()) {
            next.handleRequest(exchange);
            return;
        }
        String strip = path.startsWith(rules.uri()) ? rules.uri() : rules.base().filter(path::startsWith).orElse("");
        String base = rules.base().orElse(strip);
        RuleRun run = new RuleRun(rules.rules(), site.input(exchange, Step.CONTEXT_REWRITE, path, strip, base,
                rules.location()));
        site.respond(run.run(), exchange, path, redirect, next);
    }

    /** The prefix contexts above {@code context}, nearest first, whose rules an {@code inherit 1} set continues with. */
    private List<Context> parents(Context context) {
        if (!(context.uri() instanceof ContextUri.Prefix own)) {
            return List.of();
        }
        return site.vhost().contexts().stream()
                .filter(c -> c != context && c.uri() instanceof ContextUri.Prefix p && p.path().length() > 1
                        && own.path().startsWith(p.path()))
                .sorted(Comparator.comparingInt((Context c) -> -c.uri().text().length()))
                .toList();
    }
}
