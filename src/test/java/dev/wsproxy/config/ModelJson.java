package dev.wsproxy.config;

import java.lang.reflect.RecordComponent;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import dev.wsproxy.config.model.MimeTypes;
import dev.wsproxy.config.source.Span;

/**
 * Writes model records as indented JSON for goldens: record components in declaration order, map keys
 * sorted, the record type named for sealed variants, paths and spans relative to the server root so the
 * text does not depend on the machine, and the mime table as a summary.
 */
final class ModelJson {
    private final Path base;

    ModelJson(Path base) {
        this.base = base.toAbsolutePath().normalize();
    }

    String write(Object value) {
        StringBuilder out = new StringBuilder();
        value(value, out, "");
        return out.append('\n').toString();
    }

    private void value(Object v, StringBuilder out, String indent) {
        if (v == null) {
            out.append("null");
        } else if (v instanceof Optional<?> o) {
            value(o.orElse(null), out, indent);
        } else if (v instanceof String || v instanceof Pattern || v instanceof Enum<?>) {
            string(v.toString(), out);
        } else if (v instanceof Number || v instanceof Boolean) {
            out.append(v);
        } else if (v instanceof Path p) {
            string(path(p), out);
        } else if (v instanceof Span s) {
            string(s.isKnown() ? path(s.file()) + ":" + s.line() + ":" + s.column() : "<none>", out);
        } else if (v instanceof InetAddress a) {
            string(a.getHostAddress(), out);
        } else if (v instanceof Duration d) {
            out.append(d.toSeconds());
        } else if (v instanceof MimeTypes m) {
            // a summary, not the table: the OLS sample mime file must not be copied into the project
            Map<String, Object> summary = new java.util.LinkedHashMap<>();
            summary.put("suffixes", m.bySuffix().size());
            summary.put("default", m.defaultType());
            for (String probe : List.of("index.html", "app.js", "site.css", "data.json", "logo.svg")) {
                summary.put(probe, m.typeOf(probe));
            }
            object(summary, null, out, indent);
        } else if (v instanceof Collection<?> c) {
            list(c, out, indent);
        } else if (v instanceof Map<?, ?> m) {
            Map<String, Object> sorted = new TreeMap<>();
            m.forEach((k, val) -> sorted.put(String.valueOf(k), val));
            object(sorted, null, out, indent);
        } else if (v.getClass().isRecord()) {
            Map<String, Object> fields = new java.util.LinkedHashMap<>();
            for (RecordComponent c : v.getClass().getRecordComponents()) {
                try {
                    fields.put(c.getName(), c.getAccessor().invoke(v));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
            String type = v.getClass().getEnclosingClass() != null && v.getClass().getInterfaces().length > 0
                    ? v.getClass().getSimpleName() : null;
            object(fields, type, out, indent);
        } else {
            string(v.toString(), out);
        }
    }

    private void list(Collection<?> c, StringBuilder out, String indent) {
        if (c.isEmpty()) {
            out.append("[]");
            return;
        }
        out.append("[\n");
        int i = 0;
        for (Object item : c) {
            out.append(indent).append("  ");
            value(item, out, indent + "  ");
            out.append(++i < c.size() ? ",\n" : "\n");
        }
        out.append(indent).append(']');
    }

    private void object(Map<String, Object> fields, String type, StringBuilder out, String indent) {
        if (fields.isEmpty() && type == null) {
            out.append("{}");
            return;
        }
        out.append("{\n");
        int i = 0;
        int size = fields.size() + (type == null ? 0 : 1);
        if (type != null) {
            out.append(indent).append("  \"@type\": ");
            string(type, out);
            out.append(++i < size ? ",\n" : "\n");
        }
        for (Map.Entry<String, Object> e : fields.entrySet()) {
            out.append(indent).append("  ");
            string(e.getKey(), out);
            out.append(": ");
            value(e.getValue(), out, indent + "  ");
            out.append(++i < size ? ",\n" : "\n");
        }
        out.append(indent).append('}');
    }

    private String path(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        return abs.startsWith(base) ? "$SERVER_ROOT/" + base.relativize(abs) : p.toString();
    }

    private static void string(String s, StringBuilder out) {
        out.append('"');
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                default -> out.append(c);
            }
        }
        out.append('"');
    }
}
