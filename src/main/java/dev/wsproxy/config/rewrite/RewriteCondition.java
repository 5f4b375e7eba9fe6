package dev.wsproxy.config.rewrite;

import dev.wsproxy.config.source.Span;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A {@code RewriteCond TestString CondPattern [flags]}.
 *
 * @param operand the pattern text after its operator (a regex, a string, a number), quotes removed
 * @param regex   the compiled regex for {@link Test#REGEX}
 * @param negate  {@code !}
 * @param noCase  {@code NC}
 * @param or      {@code OR}: this condition or the next
 */
public record RewriteCondition(Template test, Test op, String operand, Optional<Pattern> regex, boolean negate,
                               boolean noCase, boolean or, Span span) {

    /** The comparison a condition makes. */
    public enum Test {
        REGEX, LESS, GREATER, EQUAL, LESS_EQUAL, GREATER_EQUAL,
        NUM_EQ, NUM_NE, NUM_LT, NUM_LE, NUM_GT, NUM_GE,
        IS_DIRECTORY, IS_FILE, IS_NONEMPTY_FILE, IS_SYMLINK, IS_EXECUTABLE, FILE_ACCESSIBLE, URL_ACCESSIBLE,
        EXPRESSION
    }
}
