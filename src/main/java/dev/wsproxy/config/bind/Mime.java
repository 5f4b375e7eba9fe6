package dev.wsproxy.config.bind;

import dev.wsproxy.config.diag.Code;
import dev.wsproxy.config.load.TextFile;
import dev.wsproxy.config.model.MimeTypes;
import dev.wsproxy.config.source.Span;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads an OLS {@code mime.properties} file: {@code suffix[, suffix...] = type/subtype},
 * {@code #} starts a comment anywhere, suffixes lowercased, {@code default = ...} is the fallback.
 */
final class Mime {
    static final String FALLBACK = "application/octet-stream";

    private Mime() {
    }

    static MimeTypes read(Path file, Binding binding, Span span) {
        TextFile read = binding.tree.text(file);
        if (read.equals(TextFile.MISSING)) {
            if (binding.checkFilesystem) {
                binding.report(Code.MISSING_MIME, span, "mime file `" + file + "` does not exist or cannot be read",
                        "OLS refuses to start without it: point `mime` at a mime.properties file"
                                + " (relative paths mean $SERVER_ROOT).");
            }
            return new MimeTypes(Map.of(), FALLBACK);
        }
        if (read.error().isPresent()) {
            binding.report(Code.MISSING_MIME, span, "mime file `" + file + "` cannot be read: " + read.error().get(),
                    "Make the file readable.");
            return new MimeTypes(Map.of(), FALLBACK);
        }
        return parse(read.text().orElseThrow());
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
