package dev.wsproxy.server.rewrite;

import dev.wsproxy.config.rewrite.Template;
import dev.wsproxy.config.rewrite.Variable;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Builds the text of a template as OLS's {@code buildString} does: back-references from the rule's and the last
 * condition's groups ({@code B} escapes them), variables, map lookups; a value that starts with '/' after text
 * that ends with '/' loses its slash ({@code %{DOCUMENT_ROOT}%{REQUEST_URI}} gives one slash).
 */
final class Expander {
    private final Function<Variable, String> variables;
    private final Map<String, RewriteMaps.Lookup> maps;

    Expander(Function<Variable, String> variables, Map<String, RewriteMaps.Lookup> maps) {
        this.variables = variables;
        this.maps = maps;
    }

    String expand(Template template, List<String> ruleGroups, List<String> condGroups, boolean escapeGroups) {
        StringBuilder out = new StringBuilder();
        for (Template.Part part : template.parts()) {
            append(out, value(part, ruleGroups, condGroups, escapeGroups));
        }
        return out.toString();
    }

    private String value(Template.Part part, List<String> ruleGroups, List<String> condGroups, boolean escapeGroups) {
        if (part instanceof Template.Text text) {
            return text.text();
        }
        if (part instanceof Template.RuleGroup g) {
            return group(ruleGroups, g.index(), escapeGroups);
        }
        if (part instanceof Template.CondGroup g) {
            return group(condGroups, g.index(), escapeGroups);
        }
        if (part instanceof Template.Var v) {
            return variables.apply(v.variable());
        }
        return lookup((Template.MapLookup) part, ruleGroups, condGroups);
    }

    private String lookup(Template.MapLookup m, List<String> ruleGroups, List<String> condGroups) {
        String key = expand(m.key(), ruleGroups, condGroups, false);
        RewriteMaps.Lookup map = maps.get(m.map());
        return (map == null ? Optional.<String>empty() : map.find(key))
                .orElseGet(() -> expand(m.fallback(), ruleGroups, condGroups, false));
    }

    private static void append(StringBuilder out, String value) {
        if (value.startsWith("/") && !out.isEmpty() && out.charAt(out.length() - 1) == '/') {
            out.append(value, 1, value.length());
        } else {
            out.append(value);
        }
    }

    private static String group(List<String> groups, int index, boolean escape) {
        String value = index < groups.size() && groups.get(index) != null ? groups.get(index) : "";
        return escape ? escape(value) : value;
    }

    /** {@code B}: letters, digits and '_' stay; a blank becomes '+'; everything else %XX (OLS escape_uri). */
    static String escape(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c < 0x80 && (Character.isLetterOrDigit(c) || c == '_')) {
                out.append((char) c);
            } else if (c == ' ') {
                out.append('+');
            } else {
                out.append('%').append("0123456789ABCDEF".charAt(c >> 4)).append("0123456789ABCDEF".charAt(c & 0xf));
            }
        }
        return out.toString();
    }
}
