package dev.wsproxy.config.value;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a {@code scriptHandler} line {@code add <type>:<handler> <suffix>[, <suffix>...]}, suffixes without a dot. */
public final class ScriptHandlerLines {
    private static final Pattern ADD = Pattern.compile("([^:\\s]+):(\\S+)\\s+(.+)");

    /** One {@code add} line: the handler's type (lowercased), its name as written, and its lowercased suffixes. */
    public record Line(String type, String handler, List<String> suffixes) {
    }

    private ScriptHandlerLines() {
    }

    public static Parsed<Line> add(String text) {
        Matcher m = ADD.matcher(text.trim());
        if (!m.matches() || m.group(3).contains(".")) {
            return Parsed.bad(Expected.VALUE, "scriptHandler `add " + text.trim() + "` cannot be read",
                    "OLS ignores this line and would then send those files' source as plain files. Write"
                            + " `add <type>:<handler> <suffixes>`, suffixes without a dot: `add lsapi:lsphp php`.");
        }
        List<String> suffixes = Arrays.stream(m.group(3).toLowerCase(Locale.ROOT).split("[,\\s]+"))
                .filter(s -> !s.isEmpty()).toList();
        return Parsed.ok(new Line(m.group(1).toLowerCase(Locale.ROOT), m.group(2), suffixes));
    }
}
