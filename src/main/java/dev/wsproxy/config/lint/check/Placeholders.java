package dev.wsproxy.config.lint.check;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds installer placeholders left in config text: {@code %X%}, {@code ##X##}, {@code [X]} (the whole value,
 * or three or more capitals inside one, as in {@code lsphp-[RANDOMSTRING]}, but not OLS's own IPv6 wildcard
 * {@code [ANY]:port}), {@code {{X}}}, {@code ${X}}, ERB.
 */
final class Placeholders {
    private static final Pattern INLINE = Pattern.compile("%[A-Z][A-Z0-9_]*%|##[A-Za-z][A-Za-z0-9_]*##"
            + "|\\{\\{[^{}]+}}|\\$\\{[A-Za-z_][A-Za-z0-9_.]*}|<%.*?%>|\\[(?!ANY]:)[A-Z][A-Z0-9_]{2,}]");
    private static final Pattern WHOLE = Pattern.compile("\\[[A-Z][A-Z0-9_]*]");

    private Placeholders() {
    }

    /** The first placeholder in {@code text}: its offset and the token. */
    static Optional<Matcher> find(String text) {
        if (!mayHold(text)) {
            return Optional.empty();
        }
        Matcher whole = WHOLE.matcher(text.trim());
        if (whole.matches()) {
            Matcher m = WHOLE.matcher(text);
            return m.find() ? Optional.of(m) : Optional.empty();
        }
        Matcher m = INLINE.matcher(text);
        return m.find() ? Optional.of(m) : Optional.empty();
    }

    // every placeholder form contains one of these; most values contain none, and the regex is not free
    private static boolean mayHold(String text) {
        for (int i = 0; i < text.length(); i++) {
            switch (text.charAt(i)) {
                case '%', '#', '[', '{', '<' -> {
                    return true;
                }
                default -> {
                }
            }
        }
        return false;
    }
}
