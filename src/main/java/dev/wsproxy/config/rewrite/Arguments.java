package dev.wsproxy.config.rewrite;

/**
 * Reads the blank-separated arguments of a rewrite line as OLS does: a quoted argument runs to its closing
 * quote; elsewhere a backslash keeps the next character (a blank included) in the argument.
 */
final class Arguments {
    private final String text;
    private int at;

    Arguments(String text) {
        this.text = text;
    }

    /** The next argument, or null at the end of the line. */
    String next() {
        skipBlanks();
        if (at >= text.length()) {
            return null;
        }
        char first = text.charAt(at);
        if (first == '"' || first == '\'') {
            int close = text.indexOf(first, at + 1);
            if (close > 0) {
                String arg = text.substring(at + 1, close);
                at = close + 1;
                return arg;
            }
        }
        int start = at;
        while (at < text.length() && !Character.isWhitespace(text.charAt(at))) {
            at += text.charAt(at) == '\\' && at + 1 < text.length() ? 2 : 1;
        }
        return text.substring(start, at);
    }

    /** What is left of the line, blanks before it skipped. */
    String rest() {
        skipBlanks();
        return text.substring(at);
    }

    private void skipBlanks() {
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
    }
}
