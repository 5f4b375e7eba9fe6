package dev.wsproxy.config.lint.check;

import dev.wsproxy.config.source.Span;

/** Points inside a value: the column {@code offset} characters after where the value starts. */
final class Spans {
    private Spans() {
    }

    static Span within(Span value, int offset) {
        if (!value.isKnown()) {
            return value;
        }
        return Span.at(value.file(), value.line(), value.column() + Math.max(0, offset));
    }
}
