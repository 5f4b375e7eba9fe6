package dev.wsproxy.config.model;

import dev.wsproxy.config.source.Span;

/** An {@code extprocessor} block of type proxy: a named HTTP backend for proxy contexts, and its connection pool. */
public record ExtProcessor(String name, String type, BackendAddress address, PoolSettings pool, Span span) {

    /** An extprocessor with OLS's default pool. */
    public ExtProcessor(String name, String type, BackendAddress address, Span span) {
        this(name, type, address, PoolSettings.DEFAULT, span);
    }
}
