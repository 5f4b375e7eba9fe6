package dev.wsproxy.config.lint.report;

import dev.wsproxy.config.diag.Diagnostic;
import dev.wsproxy.config.diag.Severity;
import dev.wsproxy.config.source.Span;
import java.util.List;

/**
 * Formats lint results as one versioned JSON object:
 * {@code {"format_version":1,"valid":...,"error_count":...,"warning_count":...,"diagnostics":[...]}}.
 */
public final class JsonReporter {
    private final GccReporter paths;

    public JsonReporter(GccReporter paths) {
        this.paths = paths;
    }

    public String format(List<Diagnostic> diagnostics) {
        long errors = diagnostics.stream().filter(d -> d.severity() == Severity.ERROR).count();
        long warnings = diagnostics.stream().filter(d -> d.severity() == Severity.WARNING).count();
        StringBuilder out = new StringBuilder();
        out.append("{\"format_version\":1,\"valid\":").append(errors == 0)
                .append(",\"error_count\":").append(errors)
                .append(",\"warning_count\":").append(warnings)
                .append(",\"diagnostics\":[");
        for (int i = 0; i < diagnostics.size(); i++) {
            Diagnostic d = diagnostics.get(i);
            out.append(i == 0 ? "" : ",").append("{\"code\":").append(string(d.code().id()))
                    .append(",\"severity\":").append(string(d.severity().label()));
            location(out, d.span());
            out.append(",\"summary\":").append(string(d.summary()))
                    .append(",\"detail\":").append(string(d.detail())).append(",\"related\":[");
            for (int r = 0; r < d.related().size(); r++) {
                Diagnostic.Related rel = d.related().get(r);
                out.append(r == 0 ? "{" : ",{").append("\"message\":").append(string(rel.message()));
                location(out, rel.span());
                out.append('}');
            }
            out.append("]}");
        }
        return out.append("]}").toString();
    }

    private void location(StringBuilder out, Span span) {
        out.append(",\"file\":").append(span.isKnown() ? string(paths.relative(span.file())) : "null")
                .append(",\"line\":").append(span.line()).append(",\"column\":").append(span.column());
    }

    public static String string(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
