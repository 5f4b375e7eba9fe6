package dev.wsproxy.server.rewrite;

import dev.wsproxy.server.log.ErrorLog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The file of a {@code txt:} or {@code rnd:} rewrite map, read as OLS reads it and read again when its
 * modification time changes (one {@code stat} a lookup): a line that starts with a blank or {@code #} is skipped;
 * the key is the first word, the value the next (up to a blank or {@code #}); the first line of a key wins.
 */
final class MapFile {

    /** One read of the file. */
    private record Version(long modified, Map<String, String> entries) {
    }

    private final String name;
    private final Path file;
    private final ErrorLog errorLog;
    private volatile Version current = new Version(Long.MIN_VALUE, Map.of());

    MapFile(String name, Path file, ErrorLog errorLog) {
        this.name = name;
        this.file = file;
        this.errorLog = errorLog;
    }

    /** {@code txt:}: the value of {@code key}. */
    Optional<String> value(String key) {
        return Optional.ofNullable(entries().get(key));
    }

    /** {@code rnd:}: one of the {@code |}-separated choices of {@code key}'s value, picked at random. */
    Optional<String> randomChoice(String key) {
        return value(key).map(v -> {
            String[] choices = v.split("\\|", -1);
            return choices[ThreadLocalRandom.current().nextInt(choices.length)];
        });
    }

    private Map<String, String> entries() {
        long modified;
        try {
            modified = Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            modified = Long.MIN_VALUE + 1;
        }
        Version known = current;
        if (known.modified() == modified) {
            return known.entries();
        }
        Version read = new Version(modified, read());
        current = read;
        return read.entries();
    }

    private Map<String, String> read() {
        Map<String, String> entries = new HashMap<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.isEmpty() || " \t#\r".indexOf(line.charAt(0)) >= 0) {
                    continue;
                }
                String[] pair = line.split("[ \t]+", 2);
                if (pair.length == 2) {
                    entries.putIfAbsent(pair[0], pair[1].startsWith("#") ? "" : pair[1].split("[ \t#\r]", 2)[0]);
                }
            }
        } catch (IOException e) {
            errorLog.log(ErrorLog.Level.WARN, "rewrite map `" + name + "`: cannot read " + file + " ("
                    + e.getMessage() + "); its lookups give their defaults");
        }
        return Map.copyOf(entries);
    }
}
