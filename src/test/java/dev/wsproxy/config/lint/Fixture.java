package dev.wsproxy.config.lint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A lint fixture: a small config tree written as one text file. Header lines {@code # text} describe it and
 * {@code # also: WSPnnn} names a code it may trigger besides its own; each {@code ==> path} line starts a
 * file ({@code path/} makes a directory). {@code {{repeat N text}}} expands to text N times ({@code \n} is a
 * newline), for lines too long to write out.
 */
record Fixture(String description, List<String> alsoAllowed, String text) {
    private static final Pattern REPEAT = Pattern.compile("\\{\\{repeat (\\d+) ([^{}]*)}}");
    private static final String DEFAULT_MIME = "html = text/html\ndefault = application/octet-stream\n";

    static Fixture read(Path file) throws IOException {
        String text = Files.readString(file);
        StringBuilder description = new StringBuilder();
        List<String> also = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (!line.startsWith("#")) {
                break;
            }
            String body = line.substring(1).trim();
            if (body.startsWith("also:")) {
                also.add(body.substring(5).trim());
            } else {
                description.append(body);
            }
        }
        return new Fixture(description.toString(), also, text);
    }

    /** Writes the tree under {@code root}; returns its {@code conf/httpd_config.conf}. */
    Path writeTo(Path root) {
        try {
            Path current = null;
            StringBuilder content = new StringBuilder();
            for (String line : expand(text).split("\n", -1)) {
                if (line.startsWith("==> ")) {
                    write(current, content);
                    content.setLength(0);
                    String name = line.substring(4).trim();
                    current = root.resolve(name);
                    if (name.endsWith("/")) {
                        Files.createDirectories(current);
                        current = null;
                    }
                } else if (current != null) {
                    content.append(line).append('\n');
                }
            }
            write(current, content);
            Path mime = root.resolve("conf/mime.properties");
            if (!Files.exists(mime)) {
                Files.createDirectories(mime.getParent());
                Files.writeString(mime, DEFAULT_MIME);
            }
            return root.resolve("conf/httpd_config.conf");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, StringBuilder content) throws IOException {
        if (file != null) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
        }
    }

    private static String expand(String text) {
        String out = text;
        Matcher m = REPEAT.matcher(out);
        while (m.find()) {
            String unit = m.group(2).replace("\\n", "\n").replace("\\\\", "\\");
            out = out.substring(0, m.start()) + unit.repeat(Integer.parseInt(m.group(1))) + out.substring(m.end());
            m = REPEAT.matcher(out);
        }
        return out;
    }
}
