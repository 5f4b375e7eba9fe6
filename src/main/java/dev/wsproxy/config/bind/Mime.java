package dev.wsproxy.config.bind;

import dev.wsproxy.config.model.MimeTypes;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads an OLS {@code mime.properties} file: {@code suffix[, suffix...] = type/subtype},
 * {@code #} starts a comment anywhere, suffixes lowercased, {@code default = ...} is the fallback.
 */
final class Mime {
    static final String FALLBACK = "application/octet-stream";
    /** The types when the mime file could not be read: every file is {@link #FALLBACK}. */
    static final MimeTypes NONE = new MimeTypes(Map.of(), FALLBACK);

    private Mime() {
    }

    static MimeTypes parse(String text) {
        Map<String, String> bySuffix = new HashMap<>();
        String fallback = FALLBACK;
        for (String raw : text.split("\n")) {
            int hash = raw.indexOf('#');
            String line = (hash < 0 ? raw : raw.substring(0, hash)).trim();
            int eq = line.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String type = line.substring(eq + 1).trim().toLowerCase(Locale.ROOT);
            for (String suffix : line.substring(0, eq).toLowerCase(Locale.ROOT).split("[,\\s]+")) {
                if (suffix.equals("default")) {
                    fallback = type;
                } else if (!suffix.isEmpty()) {
                    bySuffix.putIfAbsent(suffix, type);
                }
            }
        }
        return new MimeTypes(bySuffix, fallback);
    }
}
