package dev.wsproxy.server.log;

/** Text a client sent, made safe for the logs: no client can end a field, forge others or start a new line. */
public final class LogText {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private LogText() {
    }

    /**
     * A value as an access-log field holds it, escaped as nginx escapes it: {@code "}, {@code \}, control
     * characters and bytes outside printable ASCII become {@code \xHH}.
     */
    public static String escaped(String value) {
        int first = firstToEscape(value);
        if (first < 0) {
            return value;
        }
        StringBuilder out = new StringBuilder(value.length() + 16).append(value, 0, first);
        for (int i = first; i < value.length(); i++) {
            char c = value.charAt(i);
            if (needsEscape(c)) {
                // header values arrive as ISO-8859-1, one char per byte; anything wider is cut to its low byte
                out.append("\\x").append(HEX[(c >> 4) & 0xF]).append(HEX[c & 0xF]);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Text as an error-log line quotes it: control characters replaced, at most 200 characters. */
    public static String printable(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().limit(200).forEach(c -> out.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return text.codePointCount(0, text.length()) > 200 ? out.append("...").toString() : out.toString();
    }

    private static int firstToEscape(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (needsEscape(value.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static boolean needsEscape(char c) {
        return c == '"' || c == '\\' || c < 0x20 || c >= 0x7F;
    }
}
