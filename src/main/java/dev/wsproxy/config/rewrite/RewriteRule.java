package dev.wsproxy.config.rewrite;

import dev.wsproxy.config.source.Span;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A {@code RewriteRule Pattern Substitution [flags]} with the conditions written before it.
 *
 * @param target empty for {@code -} (no substitution)
 */
public record RewriteRule(List<RewriteCondition> conditions, String patternText, Pattern pattern, boolean negate,
                          Optional<Template> target, RuleFlags flags, Span span) {

    public RewriteRule {
        conditions = List.copyOf(conditions);
    }

    /** Where the rule starts: its first condition, or the rule line itself. */
    public Span start() {
        return conditions.isEmpty() ? span : conditions.get(0).span();
    }
}
