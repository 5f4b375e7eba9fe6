package dev.wsproxy.server.routing;

import dev.wsproxy.config.model.HostMapping;
import dev.wsproxy.config.model.Listener;
import dev.wsproxy.server.http.Responses;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.StatusCodes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One listener's Host → vhost map, as OLS builds it: exact names, then globs in the order they were mapped,
 * then the catch-all {@code *}; a listener that maps a single vhost serves it whatever the Host says.
 * No match answers 404.
 */
public final class HostRouter implements HttpHandler {

    private final Map<String, HttpHandler> exact = new HashMap<>();
    private final List<GlobRoute> globs = new ArrayList<>();
    private final HttpHandler catchAll;
    private final HttpHandler dedicated;

    /** A glob domain and the vhost it maps to. */
    private record GlobRoute(DomainGlob glob, HttpHandler vhost) {
    }

    /** @param vhosts the handler of every vhost by name; mappings to other names are ignored */
    public HostRouter(Listener listener, Map<String, HttpHandler> vhosts) {
        HttpHandler any = null;
        Set<String> mappedNames = new LinkedHashSet<>();
        Set<String> globTexts = new LinkedHashSet<>();
        for (HostMapping mapping : listener.mappings()) {
            HttpHandler vhost = vhosts.get(mapping.vhostName());
            if (vhost == null) {
                continue;
            }
            mappedNames.add(mapping.vhostName());
            if (mapping.isCatchAll()) {
                any = any == null ? vhost : any;
            } else if (mapping.isGlob()) {
                if (globTexts.add(mapping.domain())) {
                    globs.add(new GlobRoute(new DomainGlob(mapping.domain()), vhost));
                }
            } else {
                exact.putIfAbsent(mapping.domain(), vhost);
            }
        }
        this.catchAll = any;
        this.dedicated = mappedNames.size() == 1 ? vhosts.get(mappedNames.iterator().next()) : null;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        HttpHandler vhost = dedicated != null ? dedicated
                : lookup(HostName.normalize(exchange.getRequestHeaders().getFirst(Headers.HOST)));
        if (vhost == null) {
            Responses.end(exchange, StatusCodes.NOT_FOUND);
            return;
        }
        vhost.handleRequest(exchange);
    }

    private HttpHandler lookup(String host) {
        HttpHandler vhost = exact.get(host);
        if (vhost != null) {
            return vhost;
        }
        for (GlobRoute route : globs) {
            if (route.glob().matches(host)) {
                return route.vhost();
            }
        }
        return catchAll;
    }
}
