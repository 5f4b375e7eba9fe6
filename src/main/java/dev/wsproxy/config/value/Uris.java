package dev.wsproxy.config.value;

import dev.wsproxy.config.model.ContextUri;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Reads a context or websocket URI: a plain path starting with {@code /}, or {@code exp:regex}. */
public final class Uris {
    private static final String EXP = "exp:";

    private Uris() {
    }

    public static Parsed<ContextUri> parse(String raw) {
        String text = raw.trim();
        if (text.regionMatches(true, 0, EXP, 0, EXP.length())) {
            String regex = text.substring(EXP.length()).trim();
            int start = text.length() - regex.length();
            if (regex.isEmpty()) {
                return Parsed.bad(Expected.REGEX, "`exp:` has no regular expression", "Write exp: followed by a regex.");
            }
            try {
                return Parsed.ok(new ContextUri.Regex(text, Pattern.compile(regex)));
            } catch (PatternSyntaxException e) {
                int at = Math.max(0, Math.min(e.getIndex(), regex.length()));
                String fix = regex.contains("(?P<") ? "PCRE's (?P<name>...) is written (?<name>...) in Java regex syntax,"
                        + " which wsproxy uses; write it that way."
                        : "Fix the regex; wsproxy uses Java regex syntax, which matches PCRE except for PCRE-only"
                        + " constructs such as (?P<name>...), \\K or (*VERB).";
                return Parsed.bad(Expected.REGEX, "the regular expression does not compile: " + e.getDescription(),
                        fix, start + at);
            }
        }
        if (!text.startsWith("/")) {
            return Parsed.bad(Expected.VALUE, "`" + text + "` is not a URI",
                    "A URI starts with / (a path prefix) or exp: (a regular expression), as in OLS.");
        }
        return Parsed.ok(new ContextUri.Prefix(text, text));
    }
}
