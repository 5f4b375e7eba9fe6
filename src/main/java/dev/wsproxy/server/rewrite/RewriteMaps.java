package dev.wsproxy.server.rewrite;

import dev.wsproxy.server.log.ErrorLog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Reads a vhost's {@code txt:} rewrite maps: one {@code key value} pair a line, {@code #} comments, first key wins. */
final class RewriteMaps {

    private RewriteMaps() {
    }

    static Map<String, Map<String, String>> read(Map<String, Path> files, ErrorLog errorLog) {
        Map<String, Map<String, String>> maps = new HashMap<>();
        files.forEach((name, file) -> maps.put(name, read(name, file, errorLog)));
        return Map.copyOf(maps);
    }

    private static Map<String, String> read(String name, Path file, ErrorLog errorLog) {
        Map<String, String> entries = new HashMap<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String[] pair = line.strip().split("\\s+", 3);
                if (pair.length >= 2 && !pair[0].startsWith("#")) {
                    entries.putIfAbsent(pair[0], pair[1]);
                }
            }
        } catch (IOException e) {
            errorLog.log(ErrorLog.Level.WARN, "rewrite map `" + name + "`: cannot read " + file + " ("
                    + e.getMessage() + "); its lookups give their defaults");
        }
        return Map.copyOf(entries);
    }
}
