package dev.wsproxy.config.rewrite;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Compiles the PCRE patterns of rewrite rules with {@code java.util.regex}, rewriting the constructs the two
 * read differently so that Java matches what OLS matches: POSIX classes ({@code [[:alpha:]]}), a literal
 * {@code [} or {@code &&} inside a class, and Python-style named groups ({@code (?P<n>...)}).
 */
public final class PcrePatterns {

    private static final Map<String, String> POSIX = Map.ofEntries(Map.entry("alpha", "\\p{Alpha}"),
            Map.entry("digit", "\\p{Digit}"), Map.entry("alnum", "\\p{Alnum}"), Map.entry("upper", "\\p{Upper}"),
            Map.entry("lower", "\\p{Lower}"), Map.entry("space", "\\s"), Map.entry("punct", "\\p{Punct}"),
            Map.entry("xdigit", "\\p{XDigit}"), Map.entry("blank", "\\p{Blank}"), Map.entry("cntrl", "\\p{Cntrl}"),
            Map.entry("print", "\\p{Print}"), Map.entry("graph", "\\p{Graph}"), Map.entry("word", "\\w"));

    /** PCRE syntax that Java's regex has no form for: \K, recursion, branch reset, \g references, verbs. */
    private static final Pattern PCRE_ONLY = Pattern.compile("\\\\K|\\(\\?R\\)|\\(\\?[+-]?\\d+\\)|\\(\\?\\||"
            + "\\\\g\\{?-?\\d|\\(\\?P>|\\(\\*[A-Z]");

    private PcrePatterns() {
    }

    /** The pattern compiled as OLS would match it, case-insensitive with {@code NC}. */
    public static Pattern compile(String pcre, boolean noCase) throws PatternSyntaxException {
        return Pattern.compile(toJava(pcre), noCase ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0);
    }

    /** The PCRE-only construct in {@code pcre} that Java cannot compile, if it has one. */
    public static Optional<String> pcreOnly(String pcre) {
        var m = PCRE_ONLY.matcher(pcre);
        return m.find() ? Optional.of(m.group()) : Optional.empty();
    }

    static String toJava(String pcre) {
        StringBuilder out = new StringBuilder(pcre.length() + 8);
        boolean inClass = false;
        int classStart = -1;
        for (int i = 0; i < pcre.length(); i++) {
            char c = pcre.charAt(i);
            if (c == '\\' && i + 1 < pcre.length()) {
                out.append(c).append(pcre.charAt(++i));
            } else if (!inClass && c == '[') {
                inClass = true;
                classStart = i;
                out.append(c);
            } else if (!inClass && pcre.startsWith("(?P<", i)) {
                out.append("(?<");
                i += 3;
            } else if (!inClass && pcre.startsWith("(?P=", i) && pcre.indexOf(')', i) > 0) {
                int close = pcre.indexOf(')', i);
                out.append("\\k<").append(pcre, i + 4, close).append('>');
                i = close;
            } else if (inClass && c == '[' && pcre.startsWith("[:", i) && pcre.indexOf(":]", i) > 0
                    && POSIX.containsKey(pcre.substring(i + 2, pcre.indexOf(":]", i)))) {
                int end = pcre.indexOf(":]", i);
                out.append(POSIX.get(pcre.substring(i + 2, end)));
                i = end + 1;
            } else if (inClass && (c == '[' || c == '&')) {
                out.append('\\').append(c);
            } else if (inClass && c == ']' && firstInClass(pcre, classStart, i)) {
                out.append("\\]");
            } else if (inClass && c == ']') {
                inClass = false;
                out.append(c);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** A ']' right after '[' or '[^' is a literal in PCRE (and in Java). */
    private static boolean firstInClass(String pcre, int classStart, int i) {
        return i == classStart + 1 || i == classStart + 2 && pcre.charAt(classStart + 1) == '^';
    }
}
