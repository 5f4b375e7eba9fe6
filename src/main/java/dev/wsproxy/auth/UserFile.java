package dev.wsproxy.auth;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * A realm's user file as OLS reads it: lines {@code user:password[:group,group]}, name and password trimmed;
 * a line without ':' or with an empty name is skipped, and the first line for a name wins.
 */
public final class UserFile {

    /** One user: the stored password and the groups the line names. */
    public record User(String name, PasswordHash password, List<String> groups) {
        public User {
            groups = List.copyOf(groups);
        }
    }

    /** A user line, with its 1-based line number (for lint). */
    public record Line(int number, User user) {
    }

    public static final UserFile EMPTY = new UserFile(Map.of());

    private final Map<String, User> users;

    private UserFile(Map<String, User> users) {
        this.users = users;
    }

    public static UserFile parse(String text) {
        Map<String, User> users = new HashMap<>();
        lines(text).forEach(line -> users.putIfAbsent(line.user().name(), line.user()));
        return new UserFile(Map.copyOf(users));
    }

    /** Every user line of {@code text}, in file order. */
    public static List<Line> lines(String text) {
        String[] raw = text.split("\r?\n", -1);
        return IntStream.range(0, raw.length)
                .mapToObj(i -> parseLine(raw[i]).map(u -> new Line(i + 1, u)))
                .flatMap(Optional::stream).toList();
    }

    private static Optional<User> parseLine(String line) {
        int colon = line.indexOf(':');
        if (colon < 0 || line.isBlank() || line.strip().startsWith("#")) {
            return Optional.empty();
        }
        String name = line.substring(0, colon).strip();
        if (name.isEmpty()) {
            return Optional.empty();
        }
        String[] rest = line.substring(colon + 1).split(":", -1);
        List<String> groups = rest.length > 1 ? names(rest[1], ",") : List.of();
        return Optional.of(new User(name, PasswordHash.of(rest[0].strip()), groups));
    }

    /** The non-empty, trimmed parts of {@code text} split at any of {@code separators}. */
    static List<String> names(String text, String separators) {
        return Arrays.stream(text.split("[" + separators + "]+")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    public Optional<User> user(String name) {
        return Optional.ofNullable(users.get(name));
    }
}
