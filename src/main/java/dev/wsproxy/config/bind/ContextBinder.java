package dev.wsproxy.config.bind;

import dev.wsproxy.config.ast.Block;
import dev.wsproxy.config.ast.Directive;
import dev.wsproxy.config.model.AccessControl;
import dev.wsproxy.config.model.AuthRule;
import dev.wsproxy.config.model.Context;
import dev.wsproxy.config.model.ContextUri;
import dev.wsproxy.config.model.ExpiresSettings;
import dev.wsproxy.config.model.ExtProcessor;
import dev.wsproxy.config.model.HeaderOp;
import dev.wsproxy.config.model.Realm;
import dev.wsproxy.config.model.RouteKey;
import dev.wsproxy.config.source.Span;
import dev.wsproxy.config.value.HeaderOps;
import dev.wsproxy.config.value.Parsed;
import dev.wsproxy.config.value.RouteClaims;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Binds a vhost's {@code context} blocks: static (the default type), redirect, proxy, and the app types
 * wsproxy does not run, with effective index, expires, headers, access control and realm. Of two contexts
 * with one {@link RouteKey} ({@code /docs} and {@code /docs/}) the one OLS keeps is kept. The list holds the
 * {@code exp:} contexts first, in the order OLS tries them (strcmp of the URI), then the prefix contexts
 * (also by URI; the longest match wins among them), and a static {@code /} context at docRoot when there is none.
 */
final class ContextBinder {
    private final Binding binding;
    private final VhostDefaults vhost;

    ContextBinder(Binding binding, VhostDefaults vhost) {
        this.binding = binding;
        this.vhost = vhost;
    }

    List<Context> bind(Block config) {
        Map<RouteKey, Context> byRoute = new LinkedHashMap<>();
        for (RouteClaims.Claim claim : RouteClaims.contexts(config).accepted()) {
            context(claim.block(), claim.uri()).ifPresent(c -> byRoute.put(claim.uri().routeKey(), c));
        }
        List<Context> contexts = new ArrayList<>(byRoute.values());
        boolean hasRoot = contexts.stream().anyMatch(c -> c.uri().routeKey().value().equals("/"));
        if (!hasRoot) {
            contexts.add(new Context.Static(new ContextUri.Prefix("/", "/"), vhost.docRoot(), true, vhost.indexFiles(),
                    vhost.autoIndex(), vhost.expires(), Optional.empty(), Optional.empty(), List.of(),
                    config.directives().isEmpty() ? Span.none()
                            : config.directives().get(0).span()));
        }
        contexts.sort(Comparator.comparing((Context c) -> c.uri() instanceof ContextUri.Prefix)
                .thenComparing(c -> c.uri().text()));
        return contexts;
    }

    private Optional<Context> context(Directive d, ContextUri uri) {
        Block body = Block.of(d);
        String type = body.value("type").orElse("null").toLowerCase(Locale.ROOT);
        Optional<AccessControl> acl = Settings.accessControl(body);
        Optional<AuthRule> auth = auth(body);
        List<HeaderOp> headers = body.value("extraHeaders").map(HeaderOps::parse).flatMap(Parsed::get)
                .orElse(List.of());
        switch (type) {
            case "null", "static" -> {
                return Optional.of(staticContext(d, body, uri, acl, auth, headers));
            }
            case "redirect" -> {
                return redirect(d, body, uri, acl, auth, headers);
            }
            case "proxy" -> {
                return proxy(d, body, uri, acl, auth, headers);
            }
            default -> {
                return Optional.of(app(d, body, type, uri, acl, auth, headers));
            }
        }
    }

    /** A context of a type wsproxy does not run: kept, so that its URIs answer 503 instead of reaching other contexts. */
    private Context app(Directive d, Block body, String type, ContextUri uri, Optional<AccessControl> acl,
                        Optional<AuthRule> auth, List<HeaderOp> headers) {
        String handler = body.value("handler").map(vhost.paths()::expandNames).orElse("");
        return new Context.App(uri, type, handler, Settings.bool(body, "allowBrowse").orElse(true), acl, auth,
                headers, d.span());
    }

    private Context staticContext(Directive d, Block body, ContextUri uri, Optional<AccessControl> acl,
                                  Optional<AuthRule> auth, List<HeaderOp> headers) {
        Path location;
        Optional<Directive> written = body.first("location").filter(l -> !l.value().isBlank());
        if (written.isPresent()) {
            location = vhost.paths().resolveLocation(written.get().value());
        } else if (uri instanceof ContextUri.Prefix p) {
            location = vhost.docRoot().resolve(p.path().substring(1)).normalize();
        } else {
            location = Path.of(vhost.docRoot() + "$0");
        }
        List<String> index = body.value("indexFiles").map(Settings::indexList).orElse(vhost.indexFiles());
        boolean autoIndex = Settings.bool(body, "autoIndex").orElse(vhost.autoIndex());
        ExpiresSettings expires = Settings.expires(body, vhost.expires());
        return new Context.Static(uri, location, Settings.bool(body, "allowBrowse").orElse(true), index, autoIndex,
                expires, acl, auth, headers, d.span());
    }

    private Optional<Context> redirect(Directive d, Block body, ContextUri uri, Optional<AccessControl> acl,
                                       Optional<AuthRule> auth, List<HeaderOp> headers) {
        int status = Settings.intOr(body, "statusCode", 302);
        Optional<String> location = body.value("location");
        if (location.isEmpty() && status < 400) {
            return Optional.empty();
        }
        return Optional.of(new Context.Redirect(uri, location.orElse(""), status,
                Settings.bool(body, "externalRedirect").orElse(true), acl, auth, headers, d.span()));
    }

    private Optional<Context> proxy(Directive d, Block body, ContextUri uri, Optional<AccessControl> acl,
                                    Optional<AuthRule> auth, List<HeaderOp> headers) {
        Optional<Directive> handler = body.first("handler").filter(h -> !h.value().isBlank());
        if (handler.isEmpty()) {
            return Optional.empty();
        }
        String name = vhost.paths().expandNames(handler.get().value().trim());
        Optional<ExtProcessor> processor = vhost.processor(name);
        // an unknown extprocessor, or one of another type, leaves the context out; lint reports it
        return processor.filter(p -> p.type().equals("proxy"))
                .map(p -> new Context.Proxy(uri, p, acl, auth, headers, d.span()));
    }

    /**
     * The context's {@code realm}, {@code authName} and {@code required}, as OLS reads them: no realm (or an empty
     * one) asks for no password; a realm the vhost does not define denies every request.
     */
    private Optional<AuthRule> auth(Block body) {
        Optional<Directive> line = body.first("realm").filter(r -> !r.value().isBlank());
        if (line.isEmpty()) {
            return Optional.empty();
        }
        String name = line.get().value().trim();
        Optional<Realm> realm = Optional.ofNullable(vhost.realms().get(name));
        return Optional.of(new AuthRule(name, realm, body.value("authName").orElse(name),
                Requirements.parse(body.value("required").orElse("valid-user")), line.get().span()));
    }
}
