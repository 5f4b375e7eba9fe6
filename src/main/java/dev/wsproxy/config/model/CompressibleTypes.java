package dev.wsproxy.config.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * OLS's {@code compressibleTypes}: content types (exact, or {@code major/*}), lower-cased, in config order, each
 * one compressible or, written {@code !type}, not; {@code default} stands for OLS's own list. Where entries
 * overlap the later one decides, as OLS applies them one after the other.
 */
public record CompressibleTypes(List<String> entries) {

    /** OLS's {@code default}: text, scripts, JSON, XML, SVG, RSS, fonts, icons and XHTML. */
    public static final List<String> OLS_DEFAULT = List.of("text/*", "application/x-javascript",
            "application/javascript", "application/xml", "image/svg+xml", "application/rss+xml", "application/json",
            "application/vnd.ms-fontobject", "application/x-font", "application/x-font-opentype",
            "application/x-font-truetype", "application/x-font-ttf", "font/eot", "font/opentype", "font/otf",
            "font/ttf", "image/x-icon", "image/vnd.microsoft.icon", "application/xhtml+xml");

    public static final CompressibleTypes DEFAULT = parse("default");

    public CompressibleTypes {
        entries = List.copyOf(entries);
    }

    /** The value of {@code compressibleTypes}: entries separated by commas (blanks around them ignored). */
    public static CompressibleTypes parse(String value) {
        List<String> entries = new ArrayList<>();
        for (String item : value.split(",")) {
            String type = item.trim().toLowerCase(Locale.ROOT);
            String polarity = type.startsWith("!") ? "!" : "";
            type = type.substring(polarity.length()).trim();
            if (type.startsWith("default")) {
                OLS_DEFAULT.forEach(t -> entries.add(polarity + t));
            } else if (!type.isEmpty()) {
                entries.add(polarity + type);
            }
        }
        return new CompressibleTypes(entries);
    }

    /** Whether a response of {@code contentType} (parameters such as a charset allowed) is compressed. */
    public boolean covers(String contentType) {
        int semicolon = contentType.indexOf(';');
        String type = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim()
                .toLowerCase(Locale.ROOT);
        boolean compressible = false;
        for (String entry : entries) {
            boolean negated = entry.startsWith("!");
            if (matches(negated ? entry.substring(1) : entry, type)) {
                compressible = !negated;
            }
        }
        return compressible;
    }

    private static boolean matches(String pattern, String type) {
        return pattern.endsWith("/*") ? type.startsWith(pattern.substring(0, pattern.length() - 1))
                : type.equals(pattern);
    }
}
