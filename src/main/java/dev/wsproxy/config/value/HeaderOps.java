package dev.wsproxy.config.value;

import dev.wsproxy.config.model.HeaderOp;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads {@code extraHeaders}: one operation per line, Apache style
 * ({@code [Header] [always|onsuccess] set|add|append|merge|unset|replace Name [value]}); a bare
 * {@code Name: value} line means add, and {@code none} clears the list.
 */
public final class HeaderOps {
    private HeaderOps() {
    }

    public static Parsed<List<HeaderOp>> parse(String text) {
        List<HeaderOp> ops = new ArrayList<>();
        int lineStart = 0;
        for (String line : text.split("\n", -1)) {
            String trimmed = line.trim();
            if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
                if (trimmed.equalsIgnoreCase("none")) {
                    ops.clear();
                } else {
                    HeaderOp op = line(trimmed);
                    if (op == null) {
                        return Parsed.bad(Expected.VALUE, "`" + trimmed + "` is not a header operation",
                                "Write `set Name value`, `add Name value`, `unset Name` or `Name: value`.", lineStart);
                    }
                    if (op.action() != null) {
                        ops.add(op);
                    }
                }
            }
            lineStart += line.length() + 1;
        }
        return Parsed.ok(ops);
    }

    // a HeaderOp with a null action is a valid line that does not change response headers (RequestHeader)
    private static HeaderOp line(String line) {
        String[] words = line.split("\\s+", 2);
        int colon = words[0].indexOf(':');
        if (colon > 0 && colon == words[0].length() - 1) {
            return new HeaderOp(HeaderOp.Action.ADD, words[0].substring(0, colon), words.length > 1 ? words[1] : "");
        }
        if (colon > 0) {
            return new HeaderOp(HeaderOp.Action.ADD, words[0].substring(0, colon), line.substring(colon + 1).trim());
        }
        boolean request = false;
        String rest = line;
        String first = words[0].toLowerCase(Locale.ROOT);
        if (first.equals("header") || first.equals("requestheader")) {
            request = first.equals("requestheader");
            rest = words.length > 1 ? words[1] : "";
        }
        String[] parts = rest.split("\\s+", 2);
        String cond = parts[0].toLowerCase(Locale.ROOT);
        if (cond.equals("always") || cond.equals("onsuccess")) {
            rest = parts.length > 1 ? parts[1] : "";
            parts = rest.split("\\s+", 2);
        }
        HeaderOp.Action action = action(parts[0].toLowerCase(Locale.ROOT));
        if (action == null || parts.length < 2) {
            return null;
        }
        String[] nameValue = parts[1].split("\\s+", 2);
        String value = nameValue.length > 1 ? nameValue[1] : "";
        if (action != HeaderOp.Action.UNSET && value.isEmpty()) {
            return null;
        }
        return new HeaderOp(request ? null : action, nameValue[0], value);
    }

    private static HeaderOp.Action action(String word) {
        return switch (word) {
            case "set", "replace" -> HeaderOp.Action.SET;
            case "add" -> HeaderOp.Action.ADD;
            case "append" -> HeaderOp.Action.APPEND;
            case "merge" -> HeaderOp.Action.MERGE;
            case "unset" -> HeaderOp.Action.UNSET;
            default -> null;
        };
    }
}
