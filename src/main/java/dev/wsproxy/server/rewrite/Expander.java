package dev.wsproxy.server.rewrite;

import dev.wsproxy.config.rewrite.BackrefEscaping;
import dev.wsproxy.config.rewrite.RuleFlags;
import dev.wsproxy.config.rewrite.Template;
import dev.wsproxy.config.rewrite.Variable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Builds the text of a template as OLS's {@code buildString} does: back-references from the rule's and the last
 * condition's groups, variables, map lookups; a value that starts with '/' after text that ends with '/' loses its
 * slash ({@code %{DOCUMENT_ROOT}%{REQUEST_URI}} gives one slash). In a rule's substitution the {@code B} flags
 * escape back-references, and a {@code ?} a back-reference brings into the path is written {@code %3F}, so that a
 * client's {@code %3F} never starts a query ({@code UnsafeAllow3F} lets it).
 */
final class Expander {
    private final Function<Variable, String> variables;
    private final Map<String, RewriteMaps.Lookup> maps;

    Expander(Function<Variable, String> variables, Map<String, RewriteMaps.Lookup> maps) {
        this.variables = variables;
        this.maps = maps;
    }

    /** A condition's test string, an {@code E=} or {@code CO=} value, a map key: nothing escaped. */
    String expand(Template template, List<String> ruleGroups, List<String> condGroups) {
        return build(template, ruleGroups, condGroups, BackrefEscaping.NONE, false);
    }

    /** A rule's substitution, its back-references escaped as its flags say. */
    String substitution(Template template, List<String> ruleGroups, List<String> condGroups, RuleFlags flags) {
        return build(template, ruleGroups, condGroups, flags.backrefs(), !flags.unsafeAllow3F());
    }

    private String build(Template template, List<String> ruleGroups, List<String> condGroups, BackrefEscaping escaping,
                         boolean guardQuery) {
        StringBuilder out = new StringBuilder();
        boolean inQuery = false;
        for (Template.Part part : template.parts()) {
            String value;
            if (part instanceof Template.RuleGroup g) {
                value = groupValue(ruleGroups, g.index(), escaping, guardQuery && !inQuery);
            } else if (part instanceof Template.CondGroup g) {
                value = groupValue(condGroups, g.index(), escaping, guardQuery && !inQuery);
            } else {
                value = value(part, ruleGroups, condGroups);
                inQuery |= value.indexOf('?') >= 0;
            }
            append(out, value);
        }
        return out.toString();
    }

    private String value(Template.Part part, List<String> ruleGroups, List<String> condGroups) {
        if (part instanceof Template.Text text) {
            return text.text();
        }
        if (part instanceof Template.Var v) {
            return variables.apply(v.variable());
        }
        Template.MapLookup m = (Template.MapLookup) part;
        String key = expand(m.key(), ruleGroups, condGroups);
        RewriteMaps.Lookup map = maps.get(m.map());
        return (map == null ? Optional.<String>empty() : map.find(key))
                .orElseGet(() -> expand(m.fallback(), ruleGroups, condGroups));
    }

    private static void append(StringBuilder out, String value) {
        if (value.startsWith("/") && !out.isEmpty() && out.charAt(out.length() - 1) == '/') {
            out.append(value, 1, value.length());
        } else {
            out.append(value);
        }
    }

    private static String groupValue(List<String> groups, int index, BackrefEscaping escaping, boolean inPath) {
        String value = escaping.apply(index < groups.size() && groups.get(index) != null ? groups.get(index) : "");
        return inPath ? value.replace("?", "%3F") : value;
    }
}
