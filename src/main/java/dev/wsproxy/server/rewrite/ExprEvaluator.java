package dev.wsproxy.server.rewrite;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Apache's expression language ({@code RewriteCond expr "..."}) as OLS evaluates it: strings, {@code %{VAR}}s
 * and functions compared with {@code == != < > <= >=}, matched with {@code =~ /re/}, {@code !~ /re/},
 * {@code -strmatch}, {@code -strcmatch}, {@code -fnmatch} and {@code -ipmatch}, {@code in {list}}, numbers with
 * {@code -eq -ne -lt -le -gt -ge}, the one-value tests of {@link ExprTests}, joined with {@code && || !} and
 * parentheses. An expression it cannot read does not hold.
 */
final class ExprEvaluator {
    /** The tests of one value, as OLS reads them (see {@link ExprTests}). */
    private static final List<String> TESTS = List.of("-d", "-e", "-f", "-s", "-L", "-h", "-F", "-U", "-A", "-n",
            "-z", "-T", "-R");

    private final Function<String, String> variables;
    private String text;
    private int at;

    /** @param variables the value of a {@code %{NAME}} body, "" when unknown */
    ExprEvaluator(Function<String, String> variables) {
        this.variables = variables;
    }

    boolean holds(String expression) {
        text = expression;
        at = 0;
        try {
            boolean result = or();
            skipBlanks();
            return at == text.length() && result;
        } catch (IllegalArgumentException e) { // a syntax error, a bad regex or number
            return false;
        }
    }

    private boolean or() {
        boolean result = and();
        while (take("||")) {
            result |= and();
        }
        return result;
    }

    private boolean and() {
        boolean result = unary();
        while (take("&&")) {
            result &= unary();
        }
        return result;
    }

    private boolean unary() {
        if (take("!")) {
            return !unary();
        }
        if (take("(")) {
            boolean result = or();
            if (!take(")")) {
                throw new IllegalArgumentException("')' expected");
            }
            return result;
        }
        for (String op : TESTS) {
            if (takeWord(op)) {
                return ExprTests.test(op, operand(), variables);
            }
        }
        String left = operand();
        for (String op : new String[] {"==", "!=", "=~", "!~", "<=", ">=", "<", ">", "=", "-eq", "-ne", "-lt", "-le",
                "-gt", "-ge", "-ipmatch", "-strmatch", "-strcmatch", "-fnmatch"}) {
            if (take(op)) {
                return apply(op, left);
            }
        }
        if (takeWord("in")) {
            return list().contains(left);
        }
        return !left.isEmpty();
    }

    /** {@code { 'a', "b", %{VAR} }}: the values of an {@code in} list. */
    private List<String> list() {
        if (!take("{")) {
            throw new IllegalArgumentException("'{' expected");
        }
        List<String> values = new ArrayList<>();
        while (!take("}")) {
            values.add(operand());
            take(",");
        }
        return values;
    }

    private boolean apply(String op, String left) {
        if (op.endsWith("~")) {
            boolean found = Pattern.compile(regex()).matcher(left).find();
            return op.equals("=~") == found;
        }
        String right = operand();
        if (op.endsWith("match")) {
            return ExprTests.match(op, left, right);
        }
        if (op.startsWith("-")) {
            int order = Long.compare(Long.parseLong(left.strip()), Long.parseLong(right.strip()));
            return switch (op) {
                case "-eq" -> order == 0;
                case "-ne" -> order != 0;
                case "-lt" -> order < 0;
                case "-le" -> order <= 0;
                case "-gt" -> order > 0;
                default -> order >= 0;
            };
        }
        int order = left.compareTo(right);
        return switch (op) {
            case "==", "=" -> order == 0;
            case "!=" -> order != 0;
            case "<" -> order < 0;
            case ">" -> order > 0;
            case "<=" -> order <= 0;
            default -> order >= 0;
        };
    }

    /** A {@code /regex/} or {@code m#regex#}, with a trailing {@code i} for case-insensitive. */
    private String regex() {
        skipBlanks();
        char delimiter = '/';
        if (at < text.length() && text.charAt(at) == 'm' && at + 1 < text.length()) {
            delimiter = text.charAt(++at);
        } else if (at >= text.length() || text.charAt(at) != '/') {
            throw new IllegalArgumentException("regex expected");
        }
        int close = text.indexOf(delimiter, at + 1);
        if (close < 0) {
            throw new IllegalArgumentException("unclosed regex");
        }
        String regex = text.substring(at + 1, close);
        at = close + 1;
        if (at < text.length() && text.charAt(at) == 'i') {
            at++;
            return "(?i)" + regex;
        }
        return regex;
    }

    /**
     * A value: a quoted string or a bare token, its {@code %{VAR}}s expanded, or a function call. OLS evaluates
     * {@code req()}, {@code http()}, {@code req_novary()} (a request header) and {@code env()}; every other function
     * gives "".
     */
    private String operand() {
        String value = word();
        skipBlanks();
        if (at < text.length() && text.charAt(at) == '(' && value.matches("[a-z_0-9]+")) {
            at++;
            String argument = take(")") ? "" : word();
            if (!take(")")) {
                throw new IllegalArgumentException("')' expected");
            }
            return switch (value) {
                case "req", "http", "req_novary" -> argument.isEmpty() ? "" : variables.apply("HTTP:" + argument);
                case "env" -> argument.isEmpty() ? "" : variables.apply("ENV:" + argument);
                default -> "";
            };
        }
        return value;
    }

    /** A quoted string or a bare token, its {@code %{VAR}}s expanded. */
    private String word() {
        skipBlanks();
        if (at >= text.length()) {
            throw new IllegalArgumentException("value expected");
        }
        char quote = text.charAt(at);
        String raw;
        if (quote == '\'' || quote == '"') {
            int close = text.indexOf(quote, at + 1);
            if (close < 0) {
                throw new IllegalArgumentException("unclosed string");
            }
            raw = text.substring(at + 1, close);
            at = close + 1;
        } else {
            int start = at;
            while (at < text.length() && !Character.isWhitespace(text.charAt(at)) && "()=!<>&|".indexOf(text.charAt(at)) < 0) {
                at += text.startsWith("%{", at) ? Math.max(1, text.indexOf('}', at) + 1 - at) : 1;
            }
            raw = text.substring(start, at);
        }
        return expand(raw);
    }

    private String expand(String raw) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < raw.length()) {
            int open = raw.indexOf("%{", i);
            int close = open < 0 ? -1 : raw.indexOf('}', open);
            if (close < 0) {
                out.append(raw, i, raw.length());
                break;
            }
            out.append(raw, i, open).append(variables.apply(raw.substring(open + 2, close)));
            i = close + 1;
        }
        return out.toString();
    }

    /** Takes {@code word} when a blank, a quote or a brace follows it: {@code -f}, {@code in}, not {@code -fx}. */
    private boolean takeWord(String word) {
        skipBlanks();
        int end = at + word.length();
        if (text.startsWith(word, at) && (end == text.length() || " \t'\"{%(".indexOf(text.charAt(end)) >= 0)) {
            at = end;
            return true;
        }
        return false;
    }

    private boolean take(String token) {
        skipBlanks();
        if (text.startsWith(token, at)) {
            at += token.length();
            return true;
        }
        return false;
    }

    private void skipBlanks() {
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
    }
}
