package dev.wsproxy.config.model;

import dev.wsproxy.config.source.Span;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A vhost's {@code map name { location type:source }}, as OLS reads its type: a {@code txt:} or {@code rnd:} file,
 * one of the four {@code int:} functions, or a type OLS does not support ({@code prg:}, {@code dbm:}, anything
 * else), which it leaves out.
 *
 * @param file     the {@code txt:} or {@code rnd:} file
 * @param location the {@code location} as written
 */
public record RewriteMap(Kind kind, Optional<Path> file, String location, Span span) {

    /** The map types, by the prefix OLS matches (case-insensitive) at the start of the location. */
    public enum Kind {
        TXT("txt:"), RND("rnd:"), TOUPPER("int:toupper"), TOLOWER("int:tolower"), ESCAPE("int:escape"),
        UNESCAPE("int:unescape"), UNSUPPORTED("");

        private final String prefix;

        Kind(String prefix) {
            this.prefix = prefix;
        }

        /** The kind a location starts with; {@link #UNSUPPORTED} when none does. */
        public static Kind of(String location) {
            for (Kind kind : values()) {
                if (kind != UNSUPPORTED && location.regionMatches(true, 0, kind.prefix, 0, kind.prefix.length())) {
                    return kind;
                }
            }
            return UNSUPPORTED;
        }

        /** What the location names after the type prefix: the file of a {@code txt:} or {@code rnd:} map. */
        public String source(String location) {
            return location.substring(prefix.length());
        }

        public boolean readsFile() {
            return this == TXT || this == RND;
        }
    }

    /** The names of {@code maps} rules may use: all but those of a type OLS does not support. */
    public static Set<String> usable(Map<String, RewriteMap> maps) {
        return maps.entrySet().stream().filter(e -> e.getValue().kind() != Kind.UNSUPPORTED)
                .map(Map.Entry::getKey).collect(Collectors.toUnmodifiableSet());
    }

    /** The type as written: {@code prg:} in {@code prg:/usr/bin/x}. */
    public String typeWritten() {
        int colon = location.indexOf(':');
        return colon < 0 ? location : location.substring(0, colon + 1).toLowerCase(Locale.ROOT);
    }
}
