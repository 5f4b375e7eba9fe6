package dev.wsproxy.server.log;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.zip.GZIPOutputStream;

/** The rolled files of one log, named as OLS names them: {@code <log>.YYYY_MM_DD}, then {@code .1}, {@code .2} …. */
final class LogArchive {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy_MM_dd");

    private final Path log;

    LogArchive(Path log) {
        this.log = log;
    }

    /** Renames the log to its first free rolled name (free also of a gzipped file of that name) and returns it. */
    Path roll(LocalDate today) throws IOException {
        String base = log.getFileName() + "." + DAY.format(today);
        Path target = log.resolveSibling(base);
        for (int n = 1; Files.exists(target) || Files.exists(gzipped(target)); n++) {
            target = log.resolveSibling(base + "." + n);
        }
        Files.move(log, target, StandardCopyOption.ATOMIC_MOVE);
        return target;
    }

    /** Replaces a rolled file by its gzipped copy. */
    static void compress(Path rolled) throws IOException {
        Path gz = gzipped(rolled);
        try (InputStream in = Files.newInputStream(rolled); OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            in.transferTo(out);
        } catch (IOException e) {
            Files.deleteIfExists(gz);
            throw e;
        }
        Files.delete(rolled);
    }

    /** Deletes every {@code <log>.*} file last changed more than {@code keepDays} days ago, as OLS does. */
    void deleteOlderThan(int keepDays, Instant now) throws IOException {
        Instant limit = now.minus(Duration.ofDays(keepDays));
        String prefix = log.getFileName() + ".";
        try (DirectoryStream<Path> siblings = Files.newDirectoryStream(log.getParent(), p -> p.getFileName().toString().startsWith(prefix))) {
            for (Path sibling : siblings) {
                if (Files.getLastModifiedTime(sibling).toInstant().isBefore(limit)) {
                    Files.deleteIfExists(sibling);
                }
            }
        }
    }

    private static Path gzipped(Path file) {
        return file.resolveSibling(file.getFileName() + ".gz");
    }
}
