package dev.wsproxy.config.value;

import dev.wsproxy.config.ast.Block;
import dev.wsproxy.config.ast.Directive;
import dev.wsproxy.config.model.ContextUri;
import dev.wsproxy.config.model.RouteKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which {@code context} and {@code websocket} blocks of a vhost config OLS sets up when several claim one
 * {@link RouteKey} ({@code /x} and {@code /x/}). Of contexts, OLS sets them up sorted by URI and rejects a second
 * one for a route, so the URI that sorts first wins wherever it is written (of two spelt alike, the first). Of
 * websocket blocks, OLS gives each block's address to the context the route's first block made, which it finds
 * again only under that block's own spelling or, when that spelling ends in {@code /}, under any.
 */
public final class RouteClaims {

    /** A block and the URI it claims. */
    public record Claim(Directive block, ContextUri uri) {
    }

    /** A later block claiming a route already kept; {@code first} is the route's first spelling. */
    public record Clash(Claim kept, Claim later, boolean replaces, ContextUri first) {
        public Claim winner() {
            return replaces ? later : kept;
        }
    }

    /**
     * @param accepted every claim OLS sets up, in config order: a claim that a later one replaces is in it too
     * @param clashes  every later claim of a route already kept
     */
    public record Claims(List<Claim> accepted, List<Clash> clashes) {
    }

    private RouteClaims() {
    }

    /** The claims of the {@code context} blocks with a URI that can be read. */
    public static Claims contexts(Block config) {
        List<Claim> claims = new ArrayList<>();
        for (Directive d : config.all("context")) {
            Block.nameOf(d, "uri").flatMap(text -> Uris.parse(text).get()).ifPresent(uri -> claims.add(new Claim(d, uri)));
        }
        return resolve(claims, (first, kept, later) -> later.uri().text().compareTo(kept.uri().text()) < 0);
    }

    /** The claims of the {@code websocket} blocks whose URI and backend address can be read. */
    public static Claims websockets(Block config) {
        List<Claim> claims = new ArrayList<>();
        for (Directive d : config.all("websocket")) {
            Optional<ContextUri> uri = Block.nameOf(d, "uri").flatMap(text -> Uris.parse(text).get());
            boolean reachable = Block.of(d).value("address").flatMap(a -> BackendAddresses.websocket(a).get())
                    .isPresent();
            if (uri.isPresent() && reachable) {
                claims.add(new Claim(d, uri.get()));
            }
        }
        return resolve(claims, (first, kept, later) -> first.text().endsWith("/")
                || first.text().equals(later.uri().text()));
    }

    /** Whether a later claim of a kept route replaces the kept one. */
    private interface Rule {
        boolean replaces(ContextUri first, Claim kept, Claim later);
    }

    private static Claims resolve(List<Claim> claims, Rule rule) {
        Map<RouteKey, Claim> kept = new HashMap<>();
        Map<RouteKey, ContextUri> first = new HashMap<>();
        List<Claim> accepted = new ArrayList<>();
        List<Clash> clashes = new ArrayList<>();
        for (Claim claim : claims) {
            RouteKey route = claim.uri().routeKey();
            ContextUri firstUri = first.computeIfAbsent(route, r -> claim.uri());
            Claim earlier = kept.get(route);
            if (earlier != null) {
                boolean replaces = rule.replaces(firstUri, earlier, claim);
                clashes.add(new Clash(earlier, claim, replaces, firstUri));
                if (!replaces) {
                    continue;
                }
            }
            kept.put(route, claim);
            accepted.add(claim);
        }
        return new Claims(accepted, clashes);
    }
}
