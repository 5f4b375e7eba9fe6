package dev.wsproxy.server.pipeline;

import dev.wsproxy.config.model.Compression;
import dev.wsproxy.config.model.Context;
import dev.wsproxy.config.model.ContextUri;
import dev.wsproxy.config.model.MimeTypes;
import dev.wsproxy.config.model.VirtualHost;
import dev.wsproxy.server.exchange.ContextMatch;
import dev.wsproxy.server.exchange.ExplainStop;
import dev.wsproxy.server.exchange.Outcome;
import dev.wsproxy.server.exchange.RequestPath;
import dev.wsproxy.server.files.StaticHandler;
import dev.wsproxy.server.http.ExtraHeaders;
import dev.wsproxy.server.http.RedirectHandler;
import dev.wsproxy.server.http.Responses;
import dev.wsproxy.server.http.UriPaths;
import dev.wsproxy.server.log.ErrorLog;
import dev.wsproxy.server.rewrite.RewriteSite;
import dev.wsproxy.server.upstream.Upstreams;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.StatusCodes;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The handler step of a vhost: the request's context serves it (static files, redirect, reverse proxy, or 503 for
 * an app wsproxy does not run) with its extraHeaders, or the target a rewrite rule's {@code [P]} chose; a request for a context URI without its trailing slash is
 * answered, as OLS answers it, with a 301 to the slash.
 */
final class ContextHandlers implements HttpHandler {

    private final Map<Context, HttpHandler> handlers = new IdentityHashMap<>();

    ContextHandlers(VirtualHost vhost, MimeTypes mime, Compression compression, Upstreams upstreams,
                    ErrorLog errorLog, RedirectHandler.InternalRedirect internalRedirect) {
        for (Context context : vhost.contexts()) {
            HttpHandler handler = handlerOf(context, vhost, mime, compression, upstreams, errorLog, internalRedirect);
            handlers.put(context, ExtraHeaders.wrap(context.extraHeaders(), handler));
        }
    }

    private static HttpHandler handlerOf(Context context, VirtualHost vhost, MimeTypes mime, Compression compression,
                                         Upstreams upstreams, ErrorLog errorLog,
                                         RedirectHandler.InternalRedirect internalRedirect) {
        if (context instanceof Context.Static files) {
            return new StaticHandler(files, mime, vhost, compression, errorLog);
        }
        if (context instanceof Context.Redirect redirect) {
            return new RedirectHandler(redirect, internalRedirect);
        }
        if (context instanceof Context.App app) {
            return new AppContextHandler(app, errorLog);
        }
        Context.Proxy proxy = (Context.Proxy) context;
        return new ExplainStop(Outcome.proxy(proxy.handler().address().text()), upstreams.handler(proxy));
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        Optional<HttpHandler> proxied = RewriteSite.proxyOf(exchange);
        if (proxied.isPresent()) {
            proxied.get().handleRequest(exchange);
            return;
        }
        ContextMatch match = exchange.getAttachment(ContextMatch.KEY);
        String path = exchange.getAttachment(RequestPath.CLEAN);
        if (match.context().uri() instanceof ContextUri.Prefix prefix && prefix.path().length() > 1
                && prefix.path().endsWith("/") && path.length() == prefix.path().length() - 1) {
            exchange.getResponseHeaders().put(Headers.LOCATION,
                    UriPaths.origin(exchange) + UriPaths.encode(path + "/") + UriPaths.querySuffix(exchange));
            Responses.end(exchange, StatusCodes.MOVED_PERMANENTLY);
            return;
        }
        handlers.get(match.context()).handleRequest(exchange);
    }
}
