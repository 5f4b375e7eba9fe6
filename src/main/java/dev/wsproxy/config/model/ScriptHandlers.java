package dev.wsproxy.config.model;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The script handlers in force for a vhost, by lowercased suffix (the server's, with the vhost's own entries
 * replacing them suffix by suffix, as OLS merges them), and {@code enableScript}: whether the vhost may run
 * them at all.
 */
public record ScriptHandlers(Map<String, ScriptHandler> bySuffix, boolean enabled) {

    public static final ScriptHandlers NONE = new ScriptHandlers(Map.of(), true);

    public ScriptHandlers {
        bySuffix = Map.copyOf(bySuffix);
    }

    /** The handler for a file name by its last suffix, case-insensitively (OLS looks suffixes up that way). */
    public Optional<ScriptHandler> forFile(String fileName) {
        int dot = fileName.lastIndexOf('.');
        if (dot < 0 || bySuffix.isEmpty()) {
            return Optional.empty();
        }
        return Optional.ofNullable(bySuffix.get(fileName.substring(dot + 1).toLowerCase(Locale.ROOT)));
    }
}
