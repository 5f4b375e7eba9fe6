package dev.wsproxy.server;

import static dev.wsproxy.server.LogWatch.await;
import static dev.wsproxy.server.LogWatch.read;
import static dev.wsproxy.server.Sites.listener;
import static dev.wsproxy.server.Sites.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wsproxy.config.model.LogRolling;
import dev.wsproxy.config.model.LogSettings;
import dev.wsproxy.config.model.ServerConfig;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Logs kept as OLS keeps them: opened again after logrotate moves them, rolled by size, pruned and gzipped. */
class LogRollingTest {

    @TempDir
    Path root;

    private Path accessLog() {
        return root.resolve("logs/access.log");
    }

    private Path errorLog() {
        return root.resolve("logs/error.log");
    }

    private ServerConfig config(LogRolling errorRolling, LogRolling accessRolling) throws IOException {
        Path html = Files.createDirectories(root.resolve("site/html"));
        Files.writeString(html.resolve("index.html"), "hello");
        return Sites.withLogs(Sites.server(root, List.of(listener("main", "127.0.0.1", map("*", "site"))),
                        List.of(Sites.vhost("site", root.resolve("site"), Sites.files("/", html)))),
                new LogSettings(errorLog(), "INFO", false, Optional.empty(), errorRolling),
                new LogSettings(accessLog(), "", false, Optional.empty(), accessRolling));
    }

    private static String today() {
        return LocalDate.now().format(DateTimeFormatter.ofPattern("yyyy_MM_dd"));
    }

    @Test
    void aLogMovedByLogrotateIsOpenedAgainAndNewLinesGoToTheNewFile() throws Exception {
        try (RunningServer server = RunningServer.start(config(LogRolling.NEVER, LogRolling.NEVER))) {
            server.raw("GET /index.html?before HTTP/1.1", "Host: a");
            await("the first line is written", () -> read(accessLog()).contains("?before"));
            Path moved = root.resolve("logs/access.log.1");
            Files.move(accessLog(), moved);
            Files.move(errorLog(), root.resolve("logs/error.log.1"));
            await("the access log is there again", () -> Files.exists(accessLog()));
            await("the error log is there again", () -> read(errorLog()).contains("was moved or deleted: opened it again"));
            server.raw("GET /index.html?after HTTP/1.1", "Host: a");
            await("the second line is written", () -> read(accessLog()).contains("?after"));
            assertFalse(read(moved).contains("?after"), read(moved));
            assertEquals("200", server.raw("GET /index.html HTTP/1.1", "Host: a").substring(9, 12));
        }
    }

    @Test
    void aDeletedLogIsCreatedAgain() throws Exception {
        try (RunningServer server = RunningServer.start(config(LogRolling.NEVER, LogRolling.NEVER))) {
            Files.delete(accessLog());
            await("the access log is there again", () -> Files.exists(accessLog()));
            server.raw("GET /index.html?again HTTP/1.1", "Host: a");
            await("the line is written", () -> read(accessLog()).contains("?again"));
        }
    }

    @Test
    void aReloadOpensEveryLogAtItsPath() throws Exception {
        ServerConfig config = config(LogRolling.NEVER, LogRolling.NEVER);
        try (RunningServer server = RunningServer.start(config)) {
            Path moved = root.resolve("logs/access.log.old");
            Files.move(accessLog(), moved);
            server.server.reload(config);
            server.raw("GET /index.html?reopened HTTP/1.1", "Host: a");
            await("the line is written", () -> read(accessLog()).contains("?reopened"));
            assertFalse(read(moved).contains("?reopened"));
        }
    }

    @Test
    void anAccessLogLargerThanRollingSizeRollsToTodaysNameAndOldRolledFilesAreDeleted() throws Exception {
        Files.createDirectories(accessLog().getParent());
        String old = "x".repeat(1 << 20) + "\n";
        Files.writeString(accessLog(), old);
        Path takenToday = root.resolve("logs/access.log." + today());
        Files.writeString(takenToday, "rolled earlier today\n");
        Path stale = root.resolve("logs/access.log.2020_01_01");
        Files.writeString(stale, "old\n");
        Files.setLastModifiedTime(stale, FileTime.from(Instant.now().minus(Duration.ofDays(8))));
        Path recent = root.resolve("logs/access.log.2020_01_02");
        Files.writeString(recent, "recent\n");
        Files.setLastModifiedTime(recent, FileTime.from(Instant.now().minus(Duration.ofDays(6))));
        try (RunningServer server = RunningServer.start(config(LogRolling.NEVER, new LogRolling(1 << 20, 7, false)))) {
            Path rolled = root.resolve("logs/access.log." + today() + ".1");
            await("the log rolls", () -> Files.exists(rolled));
            assertEquals(old, read(rolled));
            assertEquals("rolled earlier today\n", read(takenToday));
            assertFalse(Files.exists(stale), "older than keepDays");
            assertTrue(Files.exists(recent), "younger than keepDays");
            server.raw("GET /index.html?fresh HTTP/1.1", "Host: a");
            await("the line goes to the new file", () -> read(accessLog()).contains("?fresh"));
            assertFalse(read(rolled).contains("?fresh"));
        }
    }

    @Test
    void anAccessLogBelowRollingSizeStays() throws Exception {
        Files.createDirectories(accessLog().getParent());
        Files.writeString(accessLog(), "y".repeat(1000) + "\n");
        try (RunningServer server = RunningServer.start(config(LogRolling.NEVER, new LogRolling(1 << 20, 0, false)))) {
            server.raw("GET /index.html?kept HTTP/1.1", "Host: a");
            await("the line is written", () -> read(accessLog()).contains("?kept"));
            Thread.sleep(1500);
            assertTrue(read(accessLog()).startsWith("yyy"));
            assertFalse(Files.exists(root.resolve("logs/access.log." + today())));
        }
    }

    @Test
    void compressArchiveGzipsTheRolledErrorLogWhichRollsAtStartUp() throws Exception {
        Files.createDirectories(errorLog().getParent());
        String old = "an old error line\n".repeat(200);
        Files.writeString(errorLog(), old);
        try (RunningServer server = RunningServer.start(config(new LogRolling(1024, 30, true), LogRolling.NEVER))) {
            Path gz = root.resolve("logs/error.log." + today() + ".gz");
            await("the error log rolls and is gzipped", () -> Files.exists(gz) && !Files.exists(root.resolve("logs/error.log." + today())));
            try (InputStream in = new GZIPInputStream(Files.newInputStream(gz))) {
                assertEquals(old, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
            server.server.errorLog().error("after the roll");
            assertTrue(read(errorLog()).contains("[ERROR] after the roll"));
            assertFalse(read(errorLog()).contains("an old error line"));
        }
    }
}
