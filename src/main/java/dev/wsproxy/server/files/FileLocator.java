package dev.wsproxy.server.files;

import dev.wsproxy.config.model.Context;
import dev.wsproxy.server.exchange.ContextMatch;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Maps a request to a file as OLS {@code translate} does: the context {@code location} (with $0..$9 taken
 * from an {@code exp:} match) followed by the rest of the URI. The result never lies outside the location,
 * or outside the fixed directory in front of the first {@code $} for a templated location.
 */
final class FileLocator {

    /** A file and the directory it must stay below (where symlink checks start). */
    record Located(Path base, Path file) {
    }

    private FileLocator() {
    }

    static Optional<Located> locate(Context.Static context, ContextMatch match) {
        String location = context.location().toString();
        int dollar = location.indexOf('$');
        Path base = dollar < 0 ? context.location() : Path.of(location.substring(0, location.lastIndexOf('/', dollar) + 1));
        String target = dollar < 0 ? location : substitute(location, match.groups());
        String remainder = match.remainder();
        if (target.endsWith("/") && remainder.startsWith("/")) {
            remainder = remainder.substring(1);
        } else if (!target.endsWith("/") && !remainder.isEmpty() && !remainder.startsWith("/")) {
            remainder = "/" + remainder;
        }
        Path file = Path.of(target + remainder).normalize();
        return file.startsWith(base) ? Optional.of(new Located(base, file)) : Optional.empty();
    }

    private static String substitute(String location, List<String> groups) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < location.length(); i++) {
            char c = location.charAt(i);
            if (c == '$' && i + 1 < location.length() && Character.isDigit(location.charAt(i + 1))) {
                int group = location.charAt(++i) - '0';
                out.append(group < groups.size() ? groups.get(group) : "");
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
