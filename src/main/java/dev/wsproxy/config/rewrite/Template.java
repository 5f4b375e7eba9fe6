package dev.wsproxy.config.rewrite;

import java.util.List;

/**
 * A rewrite substitution or condition test string, split into the parts OLS expands one by one: text,
 * {@code $N} (the rule's groups), {@code %N} (the last matching condition's groups), {@code %{VAR}} and
 * {@code ${map:key|default}}.
 */
public record Template(List<Part> parts) {

    public Template {
        parts = List.copyOf(parts);
    }

    /** One piece of a template. */
    public sealed interface Part {
    }

    /** Literal text, backslash escapes already removed. */
    public record Text(String text) implements Part {
    }

    /** {@code $N}: group N of the rule's pattern. */
    public record RuleGroup(int index) implements Part {
    }

    /** {@code %N}: group N of the last condition that matched a regex. */
    public record CondGroup(int index) implements Part {
    }

    /** {@code %{NAME}}. */
    public record Var(Variable variable) implements Part {
    }

    /** {@code ${map:key|default}}; an empty default template when none is written. */
    public record MapLookup(String map, Template key, Template fallback) implements Part {
    }

    /** Whether the template is literal text with a {@code ?} in it (the rule then sets the query string). */
    public boolean literalQuery() {
        return parts.stream().anyMatch(p -> p instanceof Text t && t.text().indexOf('?') >= 0);
    }
}
