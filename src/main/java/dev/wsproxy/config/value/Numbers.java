package dev.wsproxy.config.value;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads OLS numbers ({@code 10}, {@code 64K}, {@code 2M}, {@code 1G}) and 0/1 switches. */
public final class Numbers {
    private static final Pattern NUMBER = Pattern.compile("(-?\\d+)([KMGkmg]?)");

    private Numbers() {
    }

    /** A whole number with an optional K/M/G suffix, as OLS reads it. */
    public static Parsed<Long> number(String text) {
        Matcher m = NUMBER.matcher(text.trim());
        if (!m.matches()) {
            return Parsed.bad(Expected.NUMBER, "`" + text.trim() + "` is not a number",
                    "Write a whole number, optionally followed by K, M or G.");
        }
        long base;
        try {
            base = Long.parseLong(m.group(1));
        } catch (NumberFormatException tooLong) {
            return Parsed.bad(Expected.NUMBER, "`" + text.trim() + "` is too large", "Write a smaller number.");
        }
        int shift = switch (m.group(2).toUpperCase(Locale.ROOT)) {
            case "K" -> 10;
            case "M" -> 20;
            case "G" -> 30;
            default -> 0;
        };
        return Parsed.ok(base << shift);
    }

    /** A number that must lie within {@code [min, max]}. */
    public static Parsed<Long> number(String text, long min, long max) {
        Parsed<Long> n = number(text);
        if (n instanceof Parsed.Ok<Long> ok && (ok.value() < min || ok.value() > max)) {
            return Parsed.bad(Expected.NUMBER, "`" + text.trim() + "` is out of range",
                    "Write a number from " + min + " to " + (max == Integer.MAX_VALUE ? "2147483647" : max) + ".");
        }
        return n;
    }

    /** OLS's 0/1 switch. */
    public static Parsed<Boolean> bool(String text) {
        return switch (text.trim()) {
            case "0" -> Parsed.ok(false);
            case "1" -> Parsed.ok(true);
            default -> Parsed.bad(Expected.SWITCH, "`" + text.trim() + "` is not 0 or 1", "Write 1 to enable or 0 to disable.");
        };
    }
}
