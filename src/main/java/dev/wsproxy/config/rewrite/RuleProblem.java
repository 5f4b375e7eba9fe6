package dev.wsproxy.config.rewrite;

import dev.wsproxy.config.source.Span;
import java.util.List;

/**
 * A rule that cannot be parsed. It is dropped with every later rule of its set; {@code lost} are the rules that
 * go with it (where each starts), so that a report can name them.
 */
public record RuleProblem(Kind kind, Span span, String message, String fix, List<Span> lost) {

    /** Who cannot parse the rule. */
    public enum Kind {
        /** OLS drops the rule too: wsproxy does as OLS does. */
        OLS_DROPS,
        /** PCRE syntax Java's regex lacks: OLS runs the rule, wsproxy cannot. */
        PCRE_ONLY
    }

    public RuleProblem {
        lost = List.copyOf(lost);
    }
}
