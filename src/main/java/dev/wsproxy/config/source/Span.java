package dev.wsproxy.config.source;

import java.nio.file.Path;

/** A range of text in one config file: 1-based line and column, end exclusive. */
public record Span(Path file, int line, int column, int endLine, int endColumn) {

    /** A span that marks a single position. */
    public static Span at(Path file, int line, int column) {
        return new Span(file, line, column, line, column);
    }

    /** A span for something that has no place in any file (built-in defaults, command-line values). */
    public static Span none() {
        return new Span(null, 0, 0, 0, 0);
    }

    public boolean isKnown() {
        return file != null;
    }

    /** {@code file:line:column}, the file shown relative to {@code base} when it lies below it. */
    public String describe(Path base) {
        if (!isKnown()) {
            return "<no file>";
        }
        Path shown = file;
        if (base != null && file.isAbsolute() && file.startsWith(base)) {
            shown = base.relativize(file);
        }
        return shown + ":" + line + ":" + column;
    }

    @Override
    public String toString() {
        return describe(null);
    }
}
