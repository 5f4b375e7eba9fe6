package dev.wsproxy.config.rewrite;

import dev.wsproxy.config.source.Span;

/** One line of rewrite rules text ({@code rules}, a loose line in {@code rewrite {}}, a file) and where it starts. */
public record RewriteLine(String text, Span span) {
}
