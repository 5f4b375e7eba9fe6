package dev.wsproxy.config.syntax;

import dev.wsproxy.config.ast.Directive;
import dev.wsproxy.config.diag.Diagnostic;
import dev.wsproxy.config.source.Span;
import java.nio.file.Path;
import java.util.List;

/** Readable text forms of directive trees and diagnostics, for goldens and failure messages. */
final class AstDump {
    private AstDump() {
    }

    /** One line per directive, indented by depth: kind, where the name is, name, quoted value, where the value is. */
    static String tree(List<Directive> directives) {
        StringBuilder out = new StringBuilder();
        tree(directives, 0, out);
        return out.toString();
    }

    private static void tree(List<Directive> directives, int depth, StringBuilder out) {
        for (Directive d : directives) {
            out.append("  ".repeat(depth)).append(d.kind()).append(' ').append(where(d.span())).append(' ')
                    .append(d.name()).append(' ').append(quote(d.value())).append(" @").append(where(d.valueSpan()))
                    .append('\n');
            tree(d.children(), depth + 1, out);
        }
    }

    /** gcc style, {@code file:line:col: severity: summary [WSPnnn]}, files shown relative to {@code base}. */
    static String diagnostics(List<Diagnostic> diagnostics, Path base) {
        StringBuilder out = new StringBuilder();
        for (Diagnostic d : diagnostics) {
            out.append(d.span().describe(base)).append(": ").append(d.severity().label()).append(": ")
                    .append(d.summary()).append(" [").append(d.code().id()).append("]\n");
        }
        return out.toString();
    }

    private static String where(Span span) {
        return span.file().getFileName() + ":" + span.line() + ":" + span.column();
    }

    private static String quote(String value) {
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\r", "\\r").replace("\n", "\\n")
                .replace("\t", "\\t") + '"';
    }
}
