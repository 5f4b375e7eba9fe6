package dev.wsproxy.config.rewrite;

import java.util.List;
import java.util.Optional;

/**
 * The rules of one source (a vhost's or a context's {@code rewrite} block, a {@code .htaccess} file) as OLS
 * keeps them: in order, cut at the first rule it cannot parse.
 *
 * @param engine  the last {@code RewriteEngine on|off} in the text, which switches the set on or off
 * @param base    the last {@code RewriteBase}
 * @param problems the rules that cut the set (or a {@code RewriteFile}'s set) short
 */
public record RewriteSet(List<RewriteRule> rules, Optional<Boolean> engine, Optional<String> base,
                         List<RuleProblem> problems) {

    public static final RewriteSet EMPTY = new RewriteSet(List.of(), Optional.empty(), Optional.empty(), List.of());

    public RewriteSet {
        rules = List.copyOf(rules);
        problems = List.copyOf(problems);
    }
}
