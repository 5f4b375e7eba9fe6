package dev.wsproxy.server.files;

import dev.wsproxy.server.http.UriPaths;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The {@code autoIndex} page of a directory: its entries, directories first, with size and date; {@code .ht*} left out. */
final class DirectoryListing {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    /** One line of the listing. */
    private record Entry(String name, boolean directory, long size, Instant modified) {
    }

    private DirectoryListing() {
    }

    static String render(String requestPath, Path directory) throws IOException {
        List<Entry> entries = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory)) {
            for (Path child : stream) {
                String name = child.getFileName().toString();
                if (name.startsWith(".ht")) {
                    continue;
                }
                BasicFileAttributes attributes = Files.readAttributes(child, BasicFileAttributes.class);
                entries.add(new Entry(name, attributes.isDirectory(), attributes.size(), attributes.lastModifiedTime().toInstant()));
            }
        }
        entries.sort(Comparator.comparing((Entry e) -> !e.directory()).thenComparing(Entry::name));
        String title = "Index of " + escape(requestPath);
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>")
                .append(title).append("</title></head>\n<body><h1>").append(title).append("</h1>\n<table>\n");
        if (!requestPath.equals("/")) {
            html.append("<tr><td><a href=\"../\">../</a></td><td></td><td></td></tr>\n");
        }
        for (Entry entry : entries) {
            String shown = entry.name() + (entry.directory() ? "/" : "");
            html.append("<tr><td><a href=\"").append(escape(UriPaths.encode(shown).replace(":", "%3A"))).append("\">")
                    .append(escape(shown)).append("</a></td><td>").append(entry.directory() ? "-" : entry.size())
                    .append("</td><td>").append(DATE.format(entry.modified())).append("</td></tr>\n");
        }
        return html.append("</table></body></html>\n").toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
