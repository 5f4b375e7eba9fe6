package dev.wsproxy.config.value;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Normalises listener map domains as OLS's {@code VHostMap} does. */
public final class Domains {
    private Domains() {
    }

    /** A comma-separated list: each item trimmed, lowercased, port and a leading {@code www.} removed. */
    public static List<String> list(String text) {
        List<String> out = new ArrayList<>();
        for (String item : text.split(",")) {
            String d = normalise(item);
            if (!d.isEmpty()) {
                out.add(d);
            }
        }
        return out;
    }

    public static String normalise(String item) {
        String d = item.trim().toLowerCase(Locale.ROOT);
        if (d.startsWith("[")) {
            int close = d.indexOf(']');
            d = close < 0 ? d : d.substring(0, close + 1);
        } else {
            int colon = d.indexOf(':');
            d = colon < 0 ? d : d.substring(0, colon);
        }
        return d.startsWith("www.") ? d.substring(4) : d;
    }
}
