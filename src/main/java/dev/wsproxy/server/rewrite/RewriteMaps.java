package dev.wsproxy.server.rewrite;

import dev.wsproxy.config.model.RewriteMap;
import dev.wsproxy.server.log.ErrorLog;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A vhost's rewrite maps at run time, as OLS looks them up: {@code txt:} and {@code rnd:} files, and the
 * {@code int:} functions {@code toupper}, {@code tolower}, {@code escape} and {@code unescape}. A map of a type OLS
 * does not support has no lookup (rules cannot name it).
 */
final class RewriteMaps {

    /** One map: the value for a key, empty when it has none and the reference's default applies. */
    @FunctionalInterface
    interface Lookup {
        Optional<String> find(String key);
    }

    private RewriteMaps() {
    }

    static Map<String, Lookup> of(Map<String, RewriteMap> maps, ErrorLog errorLog) {
        Map<String, Lookup> lookups = new HashMap<>();
        maps.forEach((name, map) -> lookup(name, map, errorLog).ifPresent(l -> lookups.put(name, l)));
        return Map.copyOf(lookups);
    }

    private static Optional<Lookup> lookup(String name, RewriteMap map, ErrorLog errorLog) {
        return switch (map.kind()) {
            case TXT -> Optional.of(new MapFile(name, map.file().orElseThrow(), errorLog)::value);
            case RND -> Optional.of(new MapFile(name, map.file().orElseThrow(), errorLog)::randomChoice);
            case TOUPPER -> Optional.of(key -> Optional.of(key.toUpperCase(Locale.ROOT)));
            case TOLOWER -> Optional.of(key -> Optional.of(key.toLowerCase(Locale.ROOT)));
            case ESCAPE -> Optional.of(key -> Optional.of(escape(key)));
            case UNESCAPE -> Optional.of(RewriteMaps::unescape);
            case UNSUPPORTED -> Optional.empty();
        };
    }

    /** {@code int:escape}: OLS escapes only what would change a query's meaning: {@code + ? & %} and a blank. */
    static String escape(String key) {
        StringBuilder out = new StringBuilder();
        for (char c : key.toCharArray()) {
            if ("+?&% ".indexOf(c) >= 0) {
                out.append('%').append(String.format("%02X", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * {@code int:unescape}: {@code %XX} decoded, a doubled {@code /} made one (except in {@code ://}); a bad
     * {@code %} sequence fails the lookup, so the default applies, as in OLS.
     */
    static Optional<String> unescape(String key) {
        byte[] in = key.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < in.length; i++) {
            if (in[i] == '%' && i + 2 < in.length) {
                int hi = Character.digit(in[i + 1], 16);
                int lo = Character.digit(in[i + 2], 16);
                if (hi < 0 || lo < 0) {
                    return Optional.empty();
                }
                out.write(hi << 4 | lo);
                i += 2;
            } else if (in[i] != '/' || i + 1 == in.length || in[i + 1] != '/' || i > 0 && in[i - 1] == ':') {
                out.write(in[i]);
            }
        }
        return Optional.of(out.toString(StandardCharsets.UTF_8));
    }
}
