package dev.wsproxy.config.model;

import dev.wsproxy.config.rewrite.RewriteSet;
import java.nio.file.Path;
import java.util.Map;

/**
 * A vhost's rewrite setup: the vhost-level rules (they belong to the vhost's root, before any context is
 * chosen), each context's own rewrite settings by context URI as written, whether {@code .htaccess} files are
 * read, and the rewrite maps by name.
 *
 * @param enabled  the vhost's {@code enable} (default 0); contexts without their own inherit it
 * @param maps     {@code txt:} map files by map name
 * @param proxies  the proxy extprocessors a {@code [P]} rule may name ({@code http://NAME/path}), the vhost's
 *                 over the server's
 */
public record VhostRewrite(boolean enabled, boolean autoLoadHtaccess, RewriteSet rules,
                           Map<String, ContextRewrite> contexts, Map<String, Path> maps,
                           Map<String, ExtProcessor> proxies) {

    public static final VhostRewrite NONE = new VhostRewrite(false, false, RewriteSet.EMPTY, Map.of(), Map.of(),
            Map.of());

    public VhostRewrite {
        contexts = Map.copyOf(contexts);
        maps = Map.copyOf(maps);
        proxies = Map.copyOf(proxies);
    }

    /** The rewrite settings of the context written with URI {@code uriText}; none of its own when it has no block. */
    public ContextRewrite context(String uriText) {
        return contexts.getOrDefault(uriText, ContextRewrite.NONE);
    }
}
