package dev.wsproxy.server;

import static dev.wsproxy.server.Sites.listener;
import static dev.wsproxy.server.Sites.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wsproxy.config.model.AccessControl;
import dev.wsproxy.config.model.LogSettings;
import dev.wsproxy.config.model.ServerConfig;
import dev.wsproxy.config.model.ScriptHandlers;
import dev.wsproxy.config.model.SymlinkPolicy;
import dev.wsproxy.config.model.VirtualHost;
import dev.wsproxy.config.source.Span;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The error log and the access logs land in their configured files, in the configured formats. */
class LogsTest {

    @TempDir
    Path root;

    private VirtualHost site(String name, Optional<LogSettings> accessLog) throws Exception {
        Path html = Files.createDirectories(root.resolve(name + "/html"));
        Files.writeString(html.resolve("index.html"), "hello");
        return new VirtualHost(name, root.resolve(name), html, name, List.of(), SymlinkPolicy.OLS_DEFAULT,
                ScriptHandlers.NONE, AccessControl.ALLOW_ALL, Map.of(), accessLog, List.of(Sites.files("/", html)), List.of(), Optional.empty(),
                Span.none());
    }

    private ServerConfig config(LogSettings errorLog, VirtualHost... vhosts) {
        return Sites.withLogs(Sites.server(root, List.of(listener("main", "127.0.0.1", map("own.test", "own"),
                map("*", "shared"))), List.of(vhosts)), errorLog,
                new LogSettings(root.resolve("logs/new/dir/access.log"), "", false, Optional.empty()));
    }

    @Test
    void clientTextCannotForgeAccessLogFields() throws Exception {
        LogSettings errorLog = new LogSettings(root.resolve("logs/error.log"), "INFO", false, Optional.empty());
        try (RunningServer server = RunningServer.start(config(errorLog, site("shared", Optional.empty())))) {
            server.raw("GET /index.html HTTP/1.1", "Host: shared.test", "Referer: caf\u00e9",
                    "User-Agent: evil\" 200 9 \"forged\\");
        }
        String line = Files.readString(root.resolve("logs/new/dir/access.log"));
        assertTrue(line.endsWith(" 200 5 \"caf\\xE9\" \"evil\\x22 200 9 \\x22forged\\x5C\"" + System.lineSeparator()),
                line);
    }

    @Test
    void combinedLinesGoToTheServerLogAndAVhostsOwnLog() throws Exception {
        LogSettings errorLog = new LogSettings(root.resolve("logs/error.log"), "INFO", false, Optional.empty());
        VirtualHost own = site("own", Optional.of(new LogSettings(root.resolve("own/logs/access.log"), "", false,
                Optional.of("\"%h %>s \\\"%r\\\" %{X-Test}i\""))));
        try (RunningServer server = RunningServer.start(config(errorLog, site("shared", Optional.empty()), own))) {
            server.raw("GET /index.html?x=1 HTTP/1.1", "Host: shared.test", "Referer: http://ref.test/",
                    "User-Agent: agent/1.0");
            server.raw("GET /missing HTTP/1.1", "Host: own.test", "X-Test: marked");
        }
        String shared = Files.readString(root.resolve("logs/new/dir/access.log"));
        assertTrue(shared.matches("127\\.0\\.0\\.1 - - \\[\\d\\d/\\w{3}/\\d{4}:\\d\\d:\\d\\d:\\d\\d [+-]\\d{4}] "
                + "\"GET /index\\.html\\?x=1 HTTP/1\\.1\" 200 5 \"http://ref\\.test/\" \"agent/1\\.0\"\\R"), shared);
        assertEquals("127.0.0.1 404 \"GET /missing HTTP/1.1\" marked" + System.lineSeparator(),
                Files.readString(root.resolve("own/logs/access.log")));
        String errors = Files.readString(root.resolve("logs/error.log"));
        assertTrue(errors.matches("(?s)\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3} \\[NOTICE] listener main serving http on 127\\.0\\.0\\.1:\\d+.*"),
                errors);
    }

    @Test
    void errorLogHonoursLogLevelAndStderrEcho() throws Exception {
        ByteArrayOutputStream echoed = new ByteArrayOutputStream();
        LogSettings quiet = new LogSettings(root.resolve("logs/error.log"), "ERROR", true, Optional.empty());
        WsproxyServer server = WsproxyServer.start(config(quiet, site("shared", Optional.empty())), ServerParts.PLAIN,
                ListenerPorts.EPHEMERAL, new PrintStream(echoed, true, StandardCharsets.UTF_8));
        server.errorLog().error("disk on fire");
        server.stop();
        String errors = Files.readString(root.resolve("logs/error.log"));
        assertFalse(errors.contains("NOTICE"), "below logLevel ERROR");
        assertTrue(errors.contains("[ERROR] disk on fire"));
        assertTrue(echoed.toString(StandardCharsets.UTF_8).contains("[ERROR] disk on fire"), "enableStderrLog");
    }
}
