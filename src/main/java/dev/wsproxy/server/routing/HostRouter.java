package dev.wsproxy.server.routing;

import dev.wsproxy.config.model.HostMapping;
import dev.wsproxy.config.model.Listener;
import dev.wsproxy.server.exchange.Step;
import dev.wsproxy.server.exchange.Trace;
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
 * The Host-map step of one listener, as OLS builds the map: exact names, then globs in the order they were
 * mapped, then the catch-all {@code *}; a listener that maps a single vhost serves it whatever the Host says.
 * No match answers 404.
 */
public final class HostRouter implements HttpHandler {

    /** A vhost's name, its handler, and the decision that sends a request there, in words. */
    private record Route(String vhost, HttpHandler handler, String decision) {

        Route(String vhost, HttpHandler handler, String why, Object detail) {
            this(vhost, handler, "vhost " + vhost + " (" + why + detail + ")");
        }
    }

    /** A glob domain and the vhost it maps to. */
    private record GlobRoute(DomainGlob glob, Route route) {
    }

    private final Map<String, Route> exact = new HashMap<>();
    private final List<GlobRoute> globs = new ArrayList<>();
    private final Route catchAll;
    private final Route dedicated;

    /** @param vhosts the handler of every vhost by name; mappings to other names are ignored */
    public HostRouter(Listener listener, Map<String, ? extends HttpHandler> vhosts) {
        Route any = null;
        Set<String> mappedNames = new LinkedHashSet<>();
        Set<String> globTexts = new LinkedHashSet<>();
        for (HostMapping mapping : listener.mappings()) {
            HttpHandler vhost = vhosts.get(mapping.vhostName());
            if (vhost == null) {
                continue;
            }
            mappedNames.add(mapping.vhostName());
            if (mapping.isCatchAll()) {
                any = any == null ? new Route(mapping.vhostName(), vhost, "catch-all ", "*") : any;
            } else if (mapping.isGlob()) {
                if (globTexts.add(mapping.domain())) {
                    globs.add(new GlobRoute(new DomainGlob(mapping.domain()),
                            new Route(mapping.vhostName(), vhost, "glob ", mapping.domain())));
                }
            } else {
                exact.putIfAbsent(mapping.domain(), new Route(mapping.vhostName(), vhost, "exact name ", mapping.domain()));
            }
        }
        this.catchAll = any;
        String only = mappedNames.size() == 1 ? mappedNames.iterator().next() : null;
        this.dedicated = only == null ? null
                : new Route(only, vhosts.get(only), "only vhost of listener ", listener.name());
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        String host = exchange.getRequestHeaders().getFirst(Headers.HOST);
        Route route = dedicated != null ? dedicated : lookup(HostName.normalize(host));
        Trace trace = Trace.of(exchange);
        if (route == null) {
            trace.note(Step.HOST_MAP, "no vhost maps Host ", host);
            Responses.end(exchange, StatusCodes.NOT_FOUND);
            return;
        }
        trace.note(Step.HOST_MAP, route.decision());
        trace.vhost(route.vhost());
        route.handler().handleRequest(exchange);
    }

    private Route lookup(String host) {
        Route route = exact.get(host);
        if (route != null) {
            return route;
        }
        for (GlobRoute glob : globs) {
            if (glob.glob().matches(host)) {
                return glob.route();
            }
        }
        return catchAll;
    }
}
