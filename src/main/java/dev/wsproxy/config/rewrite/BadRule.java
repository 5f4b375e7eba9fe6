package dev.wsproxy.config.rewrite;

/** A rewrite line OLS cannot parse: why, and what to write instead. Caught by the parser, never thrown out of it. */
final class BadRule extends Exception {
    private final String fix;
    private final RuleProblem.Kind kind;

    BadRule(String message, String fix) {
        this(message, fix, RuleProblem.Kind.OLS_DROPS);
    }

    BadRule(String message, String fix, RuleProblem.Kind kind) {
        super(message, null, false, false);
        this.fix = fix;
        this.kind = kind;
    }

    RuleProblem.Kind kind() {
        return kind;
    }

    String fix() {
        return fix;
    }
}
