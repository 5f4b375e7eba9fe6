package dev.wsproxy.server.routing;

import dev.wsproxy.config.model.Context;
import dev.wsproxy.config.model.ContextUri;
import dev.wsproxy.server.exchange.ContextMatch;
import io.undertow.util.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;

/**
 * Chooses a vhost's context for a cleaned path as OLS does: {@code exp:} contexts first, in model order,
 * searched unanchored; then the longest plain URI prefix, segment by segment ({@code /doc} never
 * matches {@code /docs}). Plain URIs are filed by their {@link dev.wsproxy.config.model.RouteKey}, as the binder
 * compares them; it leaves one context per key (were there two, the first would win).
 */
public final class ContextRouter {

    private final List<Context> regexContexts = new ArrayList<>();
    private final PathMatcher<Context> prefixes = new PathMatcher<>();

    public ContextRouter(List<Context> contexts) {
        for (Context context : contexts) {
            if (context.uri() instanceof ContextUri.Regex) {
                regexContexts.add(context);
            } else if (prefixes.getPrefixPath(context.uri().routeKey().value()) == null) {
                prefixes.addPrefixPath(context.uri().routeKey().value(), context);
            }
        }
    }

    public Optional<ContextMatch> select(String path) {
        for (Context context : regexContexts) {
            Matcher matcher = ((ContextUri.Regex) context.uri()).pattern().matcher(path);
            if (matcher.find()) {
                List<String> groups = new ArrayList<>();
                for (int i = 0; i <= matcher.groupCount(); i++) {
                    groups.add(matcher.group(i) == null ? "" : matcher.group(i));
                }
                return Optional.of(new ContextMatch(context, path.substring(matcher.end()), groups));
            }
        }
        PathMatcher.PathMatch<Context> match = prefixes.match(path);
        if (match.getValue() == null) {
            return Optional.empty();
        }
        String remainder = match.getMatched().equals("/") ? path : match.getRemaining();
        return Optional.of(new ContextMatch(match.getValue(), remainder, List.of()));
    }
}
