package dev.wsproxy.server.rewrite;

import dev.wsproxy.config.rewrite.RewriteCondition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;

/**
 * Evaluates one RewriteCond on its expanded test string, as OLS's {@code processCond} does: regex, string and
 * numeric comparisons, file tests ({@code -d -f -s -l -x -F}; {@code -U} always holds), {@code expr}.
 */
final class ConditionTest {

    /** A condition's result; {@code groups} are the regex groups when a plain (not negated) regex matched. */
    record Result(boolean holds, Optional<List<String>> groups) {
    }

    private ConditionTest() {
    }

    static Result evaluate(RewriteCondition c, String test, ExprEvaluator expressions) {
        boolean holds;
        Optional<List<String>> groups = Optional.empty();
        switch (c.op()) {
            case REGEX -> {
                Matcher m = c.regex().orElseThrow().matcher(test);
                holds = m.find();
                if (holds && !c.negate()) {
                    groups = Optional.of(groups(m));
                }
            }
            case EXPRESSION -> holds = expressions.holds(c.operand());
            case LESS, GREATER, EQUAL, LESS_EQUAL, GREATER_EQUAL -> holds = compare(c, test);
            case NUM_EQ, NUM_NE, NUM_LT, NUM_LE, NUM_GT, NUM_GE -> holds = compareNumbers(c, test);
            case URL_ACCESSIBLE -> holds = true;
            default -> holds = fileTest(c, test);
        }
        return new Result(c.negate() != holds, groups);
    }

    static List<String> groups(Matcher m) {
        List<String> groups = new ArrayList<>();
        for (int i = 0; i <= m.groupCount(); i++) {
            groups.add(m.group(i) == null ? "" : m.group(i));
        }
        return groups;
    }

    private static boolean compare(RewriteCondition c, String test) {
        int order = c.noCase() ? test.compareToIgnoreCase(c.operand()) : test.compareTo(c.operand());
        return switch (c.op()) {
            case LESS -> order < 0;
            case GREATER -> order > 0;
            case EQUAL -> order == 0;
            case LESS_EQUAL -> order <= 0;
            default -> order >= 0;
        };
    }

    private static boolean compareNumbers(RewriteCondition c, String test) {
        int order = Long.compare(leadingNumber(test), leadingNumber(c.operand()));
        return switch (c.op()) {
            case NUM_EQ -> order == 0;
            case NUM_NE -> order != 0;
            case NUM_LT -> order < 0;
            case NUM_LE -> order <= 0;
            case NUM_GT -> order > 0;
            default -> order >= 0;
        };
    }

    /** The number a text starts with, as C's {@code strtoll} reads it; 0 when there is none. */
    private static long leadingNumber(String text) {
        String t = text.strip();
        int end = t.startsWith("-") || t.startsWith("+") ? 1 : 0;
        while (end < t.length() && Character.isDigit(t.charAt(end)) && end < 19) {
            end++;
        }
        try {
            return Long.parseLong(t.substring(0, end));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static boolean fileTest(RewriteCondition c, String test) {
        if (test.isEmpty() || test.indexOf('\0') >= 0) {
            return false;
        }
        Path path;
        try {
            path = Path.of(test);
        } catch (java.nio.file.InvalidPathException e) {
            return false;
        }
        try {
            PosixFileAttributes attrs = Files.readAttributes(path, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (c.op() == dev.wsproxy.config.rewrite.RewriteCondition.Test.IS_SYMLINK) {
                return attrs.isSymbolicLink();
            }
            if (attrs.isSymbolicLink()) {
                attrs = Files.readAttributes(path, PosixFileAttributes.class);
            }
            return switch (c.op()) {
                case IS_DIRECTORY -> attrs.isDirectory();
                case IS_NONEMPTY_FILE -> attrs.isRegularFile() && attrs.size() > 0;
                case IS_EXECUTABLE -> attrs.isRegularFile() && attrs.permissions().contains(PosixFilePermission.OWNER_EXECUTE);
                default -> attrs.isRegularFile();
            };
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }
}
