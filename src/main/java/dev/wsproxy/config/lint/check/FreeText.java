package dev.wsproxy.config.lint.check;

import dev.wsproxy.config.ast.Directive;
import java.util.Locale;
import java.util.Set;

/** The keys whose values are free text (rules, log formats, notes, environment lines), not names or paths. */
final class FreeText {
    private static final Set<String> KEYS = Set.of("rules", "logformat", "note", "env", "param");

    private FreeText() {
    }

    static boolean is(Directive d) {
        return KEYS.contains(d.name().toLowerCase(Locale.ROOT));
    }
}
