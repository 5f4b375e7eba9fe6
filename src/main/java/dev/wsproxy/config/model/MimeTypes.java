package dev.wsproxy.config.model;

import java.util.Locale;
import java.util.Map;

/** The server mime table: lowercased suffix to content type, with the {@code default} fallback. */
public record MimeTypes(Map<String, String> bySuffix, String defaultType) {

    public MimeTypes {
        bySuffix = Map.copyOf(bySuffix);
    }

    /** The content type of a file name by its last suffix, case-insensitively. */
    public String typeOf(String fileName) {
        int dot = fileName.lastIndexOf('.');
        if (dot < 0 || dot == fileName.length() - 1) {
            return defaultType;
        }
        return bySuffix.getOrDefault(fileName.substring(dot + 1).toLowerCase(Locale.ROOT), defaultType);
    }
}
