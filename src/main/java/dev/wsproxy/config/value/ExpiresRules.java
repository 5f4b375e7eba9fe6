package dev.wsproxy.config.value;

import dev.wsproxy.config.model.ExpiresSettings.Rule;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads {@code expiresDefault} ({@code A<secs>} or {@code M<secs>}) and {@code expiresByType} lists. */
public final class ExpiresRules {
    private static final Pattern RULE = Pattern.compile("([AaMm])(\\d+)");
    private static final Pattern ITEM = Pattern.compile("[^,]+");
    private static final String FIX = "Write A<seconds> (after access) or M<seconds> (after modification), e.g. A86400.";

    private ExpiresRules() {
    }

    public static Parsed<Rule> rule(String text) {
        Matcher m = RULE.matcher(text.trim());
        if (!m.matches()) {
            return Parsed.bad(Expected.VALUE, "`" + text.trim() + "` is not an expires rule", FIX);
        }
        return Parsed.ok(new Rule(Character.toUpperCase(m.group(1).charAt(0)) == 'M', Long.parseLong(m.group(2))));
    }

    public static Parsed<Map<String, Rule>> byType(String text) {
        Map<String, Rule> rules = new LinkedHashMap<>();
        Matcher m = ITEM.matcher(text);
        while (m.find()) {
            String item = m.group().trim();
            if (item.isEmpty()) {
                continue;
            }
            int eq = item.indexOf('=');
            Parsed<Rule> rule = eq < 0 ? Parsed.bad(Expected.VALUE, "`" + item + "` has no rule", FIX) : rule(item.substring(eq + 1));
            if (rule.get().isEmpty()) {
                return Parsed.bad(Expected.VALUE, "`" + item + "` is not type=rule",
                        "Write type/subtype=A<seconds>, for example image/*=A604800.", m.start());
            }
            rules.putIfAbsent(item.substring(0, eq).trim().toLowerCase(java.util.Locale.ROOT), rule.get().get());
        }
        return Parsed.ok(rules);
    }
}
