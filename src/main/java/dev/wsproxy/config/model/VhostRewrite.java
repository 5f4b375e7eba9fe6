package dev.wsproxy.config.model;

import dev.wsproxy.config.rewrite.RewriteSet;
import java.util.Map;
import java.util.Set;

/**
 * A vhost's rewrite setup: the vhost-level rules (they belong to the vhost's root, before any context is
 * chosen), each context's own rewrite settings by context URI as written, whether {@code .htaccess} files are
 * read, and the rewrite maps by name.
 *
 * @param enabled  the vhost's {@code enable} (default 0); contexts without their own inherit it
 * @param maps     the rewrite maps by name, those OLS leaves out (unsupported types) included
 * @param proxies  the proxy extprocessors a {@code [P]} rule may name ({@code http://NAME/path}), the vhost's
 *                 over the server's
 */
public record VhostRewrite(boolean enabled, boolean autoLoadHtaccess, RewriteSet rules,
                           Map<String, ContextRewrite> contexts, Map<String, RewriteMap> maps,
                           Map<String, ExtProcessor> proxies) {

    public static final VhostRewrite NONE = new VhostRewrite(false, false, RewriteSet.EMPTY, Map.of(), Map.of(),
            Map.of());

    public VhostRewrite {
        contexts = Map.copyOf(contexts);
        maps = Map.copyOf(maps);
        proxies = Map.copyOf(proxies);
    }

    /** The names of the maps rules may use: every map but those of a type OLS does not support. */
    public Set<String> usableMaps() {
        return RewriteMap.usable(maps);
    }

    /** The rewrite settings of the context written with URI {@code uriText}; none of its own when it has no block. */
    public ContextRewrite context(String uriText) {
        return contexts.getOrDefault(uriText, ContextRewrite.NONE);
    }
}
