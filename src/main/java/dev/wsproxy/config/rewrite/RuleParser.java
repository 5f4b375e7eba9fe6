package dev.wsproxy.config.rewrite;

import dev.wsproxy.config.rewrite.RewriteCondition.Test;
import dev.wsproxy.config.source.Span;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Parses one {@code RewriteCond} or {@code RewriteRule} line (the text after the keyword), as OLS does. */
final class RuleParser {
    private final Templates templates;

    RuleParser(Templates templates) {
        this.templates = templates;
    }

    RewriteCondition condition(String text, Span span) throws BadRule {
        Arguments args = new Arguments(text);
        String testText = args.next();
        String patternText = args.next();
        if (testText == null || patternText == null) {
            throw new BadRule("RewriteCond needs a test string and a pattern", "Write RewriteCond TestString Pattern [flags].");
        }
        Template test = templates.parse(testText);
        boolean[] flags = conditionFlags(args.rest());
        boolean noCase = flags[0];
        if (testText.equals("expr")) {
            return new RewriteCondition(test, Test.EXPRESSION, patternText, Optional.empty(), false, noCase, flags[1],
                    span);
        }
        boolean negate = patternText.startsWith("!");
        String operand = negate ? patternText.substring(1).stripLeading() : patternText;
        Test op = Test.REGEX;
        if (operand.startsWith(">=") || operand.startsWith("<=")) {
            op = operand.charAt(0) == '>' ? Test.GREATER_EQUAL : Test.LESS_EQUAL;
            operand = unquote(operand.substring(2).stripLeading());
        } else if (operand.startsWith(">") || operand.startsWith("<") || operand.startsWith("=")) {
            op = operand.charAt(0) == '>' ? Test.GREATER : operand.charAt(0) == '<' ? Test.LESS : Test.EQUAL;
            operand = unquote(operand.substring(1).stripLeading());
        } else if (operand.length() >= 3 && numeric(operand.substring(0, 3)) != null) {
            op = numeric(operand.substring(0, 3));
            operand = unquote(operand.substring(3).stripLeading());
            if (operand.isEmpty()) {
                throw new BadRule("numeric test `" + patternText + "` has no number", "Write the number right after"
                        + " the operator, as OLS reads it: -lt5, or quoted: \"-lt 5\".");
            }
        } else if (operand.length() == 2 && operand.charAt(0) == '-' && fileTest(operand.charAt(1)) != null) {
            op = fileTest(operand.charAt(1));
        } else if (negate) {
            operand = unquote(operand);
        }
        Optional<Pattern> regex = op == Test.REGEX ? Optional.of(compile(operand, noCase)) : Optional.empty();
        return new RewriteCondition(test, op, operand, regex, negate, noCase, flags[1], span);
    }

    RewriteRule rule(String text, Span span, java.util.List<RewriteCondition> conditions) throws BadRule {
        Arguments args = new Arguments(text);
        String patternText = args.next();
        String substitution = args.next();
        if (patternText == null || patternText.equals("!")) {
            throw new BadRule("RewriteRule has no pattern", "Write RewriteRule Pattern Substitution [flags].");
        }
        if (substitution == null || substitution.isEmpty()) {
            throw new BadRule("RewriteRule has no substitution", "Write RewriteRule Pattern Substitution [flags];"
                    + " use - to change nothing.");
        }
        boolean negate = patternText.startsWith("!");
        String pattern = negate ? patternText.substring(1).stripLeading() : patternText;
        RuleFlags flags = RuleFlagParser.parse(args.rest(), templates);
        Optional<Template> target = substitution.equals("-") || substitution.equals("\u2013") ? Optional.empty()
                : Optional.of(templates.parse(substitution));
        return new RewriteRule(conditions, pattern, compile(pattern, flags.noCase()), negate, target, flags, span);
    }

    private static Pattern compile(String pcre, boolean noCase) throws BadRule {
        try {
            return PcrePatterns.compile(pcre, noCase);
        } catch (PatternSyntaxException e) {
            Optional<String> pcreOnly = PcrePatterns.pcreOnly(pcre);
            throw new BadRule(pcreOnly.map(c -> "pattern `" + pcre + "` uses `" + c + "`, PCRE syntax wsproxy's"
                            + " regex engine does not have")
                    .orElse("pattern `" + pcre + "` does not compile: " + e.getDescription()),
                    pcreOnly.isPresent() ? "OLS runs this rule but wsproxy cannot: write it without " + pcreOnly.get()
                            + " (a lookahead or a plain group usually does)." : "Correct the regular expression.",
                    pcreOnly.isPresent() ? RuleProblem.Kind.PCRE_ONLY : RuleProblem.Kind.OLS_DROPS);
        }
    }

    /** {@code [NC]}, {@code [OR]}: [noCase, or]. */
    private static boolean[] conditionFlags(String rest) throws BadRule {
        boolean[] flags = new boolean[2];
        if (rest.isEmpty() || rest.startsWith("#")) {
            return flags;
        }
        if (!rest.startsWith("[") || !rest.contains("]")) {
            throw new BadRule("'[' is expected before the condition flags, not `" + rest + "`",
                    "Write the flags as [NC], [OR] or [NC,OR]; quote a pattern that holds blanks.");
        }
        for (String flag : rest.substring(1, rest.indexOf(']')).split(",")) {
            switch (flag.trim().toLowerCase(java.util.Locale.ROOT)) {
                case "nc", "nocase" -> flags[0] = true;
                case "or", "ornext" -> flags[1] = true;
                default -> throw new BadRule("unknown rewrite condition flag `" + flag.trim() + "`",
                        "A RewriteCond takes NC (nocase) and OR (ornext) only.");
            }
        }
        return flags;
    }

    private static Test numeric(String op) {
        return switch (op) {
            case "-eq" -> Test.NUM_EQ;
            case "-ne" -> Test.NUM_NE;
            case "-lt" -> Test.NUM_LT;
            case "-le" -> Test.NUM_LE;
            case "-gt" -> Test.NUM_GT;
            case "-ge" -> Test.NUM_GE;
            default -> null;
        };
    }

    private static Test fileTest(char c) {
        return switch (c) {
            case 'd' -> Test.IS_DIRECTORY;
            case 'f' -> Test.IS_FILE;
            case 's' -> Test.IS_NONEMPTY_FILE;
            case 'h', 'l', 'L' -> Test.IS_SYMLINK;
            case 'x' -> Test.IS_EXECUTABLE;
            case 'F' -> Test.FILE_ACCESSIBLE;
            case 'U' -> Test.URL_ACCESSIBLE;
            default -> null;
        };
    }

    private static String unquote(String s) {
        if (s.length() >= 2 && (s.charAt(0) == '"' || s.charAt(0) == '\'') && s.charAt(s.length() - 1) == s.charAt(0)) {
            return s.substring(1, s.length() - 1);
        }
        return s;
    }
}
