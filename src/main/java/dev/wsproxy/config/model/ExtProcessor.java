package dev.wsproxy.config.model;

import dev.wsproxy.config.source.Span;

/** An {@code extprocessor} block of type proxy: a named HTTP backend for proxy contexts. */
public record ExtProcessor(String name, String type, BackendAddress address, Span span) {
}
