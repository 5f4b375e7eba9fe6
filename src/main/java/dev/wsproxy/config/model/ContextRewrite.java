package dev.wsproxy.config.model;

import dev.wsproxy.config.rewrite.RewriteSet;
import java.util.Optional;

/**
 * A context's {@code rewrite} block: its own {@code enable} (else the vhost's), {@code inherit}, {@code base}
 * (the {@code RewriteBase}) and rules.
 */
public record ContextRewrite(Optional<Boolean> enable, boolean inherit, Optional<String> base, RewriteSet rules) {

    public static final ContextRewrite NONE = new ContextRewrite(Optional.empty(), false, Optional.empty(),
            RewriteSet.EMPTY);
}
