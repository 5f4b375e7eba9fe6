package dev.wsproxy.server.rewrite;

import dev.wsproxy.config.model.Context;
import dev.wsproxy.config.model.ContextRewrite;
import dev.wsproxy.config.model.ContextUri;
import dev.wsproxy.config.model.VhostRewrite;
import dev.wsproxy.config.model.VirtualHost;
import dev.wsproxy.config.model.WebSocketRoute;
import dev.wsproxy.config.rewrite.RewriteRule;
import dev.wsproxy.config.rewrite.RewriteSet;
import dev.wsproxy.server.exchange.Step;
import dev.wsproxy.server.http.RedirectHandler.InternalRedirect;
import dev.wsproxy.server.http.Refusals;
import dev.wsproxy.server.http.Responses;
import dev.wsproxy.server.http.UriPaths;
import dev.wsproxy.server.log.ErrorLog;
import dev.wsproxy.server.log.IpText;
import dev.wsproxy.server.upstream.ReverseProxyHandler;
import dev.wsproxy.server.upstream.Upstreams;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.AttachmentKey;
import io.undertow.util.Headers;
import io.undertow.util.StatusCodes;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * One vhost's rewrite engine at run time: its rule sets, maps, {@code .htaccess} files and {@code [P]} targets,
 * and what each outcome does to a request. {@link #vhostStep} and {@link #contextStep} put it in the pipeline.
 */
public final class RewriteSite {

    /** The handler a {@code [P]} rule chose: it runs in place of the context's handler, after its protections. */
    public static final AttachmentKey<HttpHandler> PROXY = AttachmentKey.create(HttpHandler.class);

    private final VirtualHost vhost;
    private final VhostRewrite rewrite;
    private final Map<String, RewriteMaps.Lookup> maps;
    private final HtaccessFiles htaccess;
    private final ProxyTargets proxies;
    private final ErrorLog errorLog;

    /**
     * @param tunnels builds the tunnel of a {@code [P] ws://host:port/path} rule, as a websocket block's route
     */
    public RewriteSite(VirtualHost vhost, Upstreams upstreams, ErrorLog errorLog,
                       Function<WebSocketRoute, HttpHandler> tunnels) {
        this.vhost = vhost;
        this.rewrite = vhost.rewrite();
        this.maps = RewriteMaps.of(rewrite.maps(), errorLog);
        this.htaccess = new HtaccessFiles(rewrite.usableMaps(), errorLog);
        this.proxies = new ProxyTargets(rewrite.proxies(), upstreams, tunnels);
        this.errorLog = errorLog;
    }

    /** The vhost's rules, run before a context is chosen; upgrades a websocket block takes pass untouched. */
    public HttpHandler vhostStep(InternalRedirect redirect, HttpHandler next) {
        if (!rewrite.enabled() || rewrite.rules().rules().isEmpty()) {
            return next;
        }
        return new VhostRewriteStep(this, new UpgradeRoutes(vhost.webSockets()), redirect, next);
    }

    /** The chosen context's rules (its own, inherited, its {@code .htaccess}), run before its access checks. */
    public HttpHandler contextStep(InternalRedirect redirect, HttpHandler next) {
        return new ContextRewriteStep(this, redirect, next);
    }

    /** The handler a {@code [P]} rule chose for this request, if one did. */
    public static Optional<HttpHandler> proxyOf(HttpServerExchange exchange) {
        return Optional.ofNullable(exchange.getAttachment(PROXY));
    }

    VirtualHost vhost() {
        return vhost;
    }

    Map<String, RewriteMaps.Lookup> maps() {
        return maps;
    }

    List<RewriteRule> vhostRules() {
        return rewrite.rules().rules();
    }

    /**
     * The rules that run for {@code path} in {@code context} and whether they are on: the context's own block,
     * inherited sets, then its .htaccess; or, below a static context, the deepest directory whose .htaccess has
     * rewrite settings, as OLS's per-directory contexts have them.
     */
    ContextRules contextRules(Context context, List<Context> parents, String path) {
        ContextRewrite own = rewrite.context(context.uri().text());
        List<RewriteRule> rules = new ArrayList<>(own.rules().rules());
        Optional<Boolean> engine = own.rules().engine();
        Optional<String> base = own.base().or(() -> own.rules().base());
        boolean staticPrefix = context instanceof Context.Static && context.uri() instanceof ContextUri.Prefix;
        Path location = staticPrefix ? ((Context.Static) context).location() : vhost.docRoot();
        boolean directories = staticPrefix && rewrite.autoLoadHtaccess();
        if (directories) {
            RewriteSet file = htaccess.rules(location);
            rules.addAll(file.rules());
            engine = file.engine().or(() -> own.rules().engine());
            base = base.or(file::base);
        }
        if (own.inherit()) {
            for (Context parent : parents) {
                rules.addAll(rewrite.context(parent.uri().text()).rules().rules());
            }
        }
        boolean on = engine.orElse(own.enable().orElse(rewrite.enabled()));
        String uri = context.uri() instanceof ContextUri.Prefix prefix ? prefix.path() : "";
        ContextRules chosen = new ContextRules(on, rules, base, uri, location);
        return directories && path.startsWith(uri) ? htaccess.below(chosen, path) : chosen;
    }

    /**
     * The rules of a context (or of a directory below a static context) as they apply to one request.
     *
     * @param enabled  whether rewriting is on there (a directory without {@code RewriteEngine} takes its parent's)
     * @param uri      the URI the rules see the path below ("" for a context that is no prefix)
     * @param location the directory that URI maps to, which {@code REQUEST_FILENAME} and {@code -f} start from
     */
    record ContextRules(boolean enabled, List<RewriteRule> rules, Optional<String> base, String uri, Path location) {
        ContextRules {
            rules = List.copyOf(rules);
        }

        boolean on() {
            return enabled && !rules.isEmpty();
        }
    }

    /** What the outcome of a rule set does to the request; {@code path} is the URI the set started from. */
    void respond(Outcome outcome, HttpServerExchange exchange, String path, InternalRedirect redirect,
                 HttpHandler next) throws Exception {
        RewriteState state = RewriteState.of(exchange, path);
        if (outcome instanceof Outcome.Rewritten r) {
            boolean same = r.path().equals(path) && r.query().equals(state.query());
            state.query(r.query());
            exchange.putAttachment(ReverseProxyHandler.REWRITTEN_TARGET, target(r.path(), r.query()));
            if (same) {
                next.handleRequest(exchange);
            } else {
                redirect.redirect(exchange, r.path());
            }
        } else if (outcome instanceof Outcome.Redirect r) {
            String url = r.noEscape() ? r.url() : r.url().startsWith("/") ? UriPaths.encode(r.url()) : r.url();
            exchange.getResponseHeaders().put(Headers.LOCATION, (url.startsWith("/") ? UriPaths.origin(exchange) : "")
                    + url + (r.query().isEmpty() ? "" : "?" + r.query()));
            Responses.end(exchange, r.status());
        } else if (outcome instanceof Outcome.Status s) {
            Refusals.refuse(exchange, s.status(), errorLog, s.why() + lastRule(exchange));
        } else if (outcome instanceof Outcome.Proxy p) {
            proxy(p, exchange, state, next);
        } else {
            next.handleRequest(exchange);
        }
    }

    private void proxy(Outcome.Proxy p, HttpServerExchange exchange, RewriteState state, HttpHandler next)
            throws Exception {
        ProxyTargets.Result result = proxies.resolve(p.url());
        if (result.target().isEmpty()) {
            errorLog.log(ErrorLog.Level.ERROR, "[" + IpText.of(exchange.getSourceAddress().getAddress()) + "] 500 "
                    + exchange.getRequestMethod() + " " + exchange.getRequestPath() + ": " + result.why()
                    + lastRule(exchange));
            Responses.end(exchange, StatusCodes.INTERNAL_SERVER_ERROR);
            return;
        }
        if (result.target().get().webSocket() && !UpgradeRoutes.isUpgrade(exchange)) {
            next.handleRequest(exchange); // a tunnel only takes upgrades; anything else is served as it is
            return;
        }
        state.query(p.query());
        String proxyHost = state.env().get("Proxy-Host");
        if (proxyHost != null && !proxyHost.isEmpty()) {
            exchange.getRequestHeaders().put(Headers.HOST, proxyHost);
        }
        exchange.putAttachment(ReverseProxyHandler.REWRITTEN_TARGET, target(result.target().get().path(), p.query()));
        exchange.putAttachment(PROXY, result.target().get().handler());
        next.handleRequest(exchange);
    }

    /** An origin-form request target: the decoded path encoded again, and the query as the rules left it. */
    private static String target(String path, String query) {
        return UriPaths.encode(path) + (query.isEmpty() ? "" : "?" + query);
    }

    private static String lastRule(HttpServerExchange exchange) {
        List<RewriteTrace.Firing> firings = RewriteTrace.of(exchange).firings();
        return firings.isEmpty() ? "" : " (rewrite rule at " + firings.get(firings.size() - 1).rule() + ")";
    }

    /** The input of a run over {@code path}, with {@code strip} cut off and {@code fileBase} mapping its URIs. */
    RuleRun.Input input(HttpServerExchange exchange, Step step, String path, String strip, String base, Path fileBase) {
        RewriteState state = RewriteState.of(exchange, path);
        return new RuleRun.Input(exchange, step, path, strip, base, maps,
                new RequestValues.Scope(exchange, state, vhost.name(), vhost.docRoot(), fileBase), errorLog);
    }
}
