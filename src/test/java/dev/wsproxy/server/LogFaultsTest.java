package dev.wsproxy.server;

import static dev.wsproxy.server.LogWatch.await;
import static dev.wsproxy.server.LogWatch.count;
import static dev.wsproxy.server.LogWatch.read;
import static dev.wsproxy.server.Sites.listener;
import static dev.wsproxy.server.Sites.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wsproxy.config.model.AccessControl;
import dev.wsproxy.config.model.AclEntry;
import dev.wsproxy.config.model.LogSettings;
import dev.wsproxy.config.model.ServerConfig;
import dev.wsproxy.config.model.Tuning;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Logs survive faults (a full disk) and a client cannot fill them by repeating a bad request. */
class LogFaultsTest {

    @TempDir
    Path root;

    private ServerConfig config(Path accessLog, AccessControl acl) throws IOException {
        Path html = Files.createDirectories(root.resolve("site/html"));
        Files.writeString(html.resolve("index.html"), "hello");
        return Sites.withLogs(Sites.server(root, List.of(listener("main", "127.0.0.1", map("*", "site"))),
                        List.of(Sites.vhost("site", root.resolve("site"), Sites.files("/", html))), Tuning.OLS_DEFAULT, acl),
                new LogSettings(root.resolve("logs/error.log"), "INFO", false, Optional.empty()),
                new LogSettings(accessLog, "", false, Optional.empty()));
    }

    private String errors() {
        return read(root.resolve("logs/error.log"));
    }

    private static String status(RunningServer server, String path) throws IOException {
        return server.raw("GET " + path + " HTTP/1.1", "Host: a").substring(9, 12);
    }

    @Test
    void anAccessLogThatCannotBeWrittenIsReportedOnceAndTheServerGoesOn() throws Exception {
        Path full = Path.of("/dev/full");
        Assumptions.assumeTrue(Files.isWritable(full), "needs Linux's /dev/full");
        try (RunningServer server = RunningServer.start(config(full, AccessControl.ALLOW_ALL))) {
            for (int i = 0; i < 30; i++) {
                assertEquals("200", status(server, "/index.html?" + i));
                Thread.sleep(10);
            }
            await("the failure is logged", () -> errors().contains("cannot write (No space left on device)"));
            Thread.sleep(300);
            assertEquals(1, count(errors(), "access log /dev/full: cannot write"), errors());
            assertEquals("200", status(server, "/index.html"));
        }
    }

    @Test
    void anAccessLogOnAFullDiskKeepsItsLinesAndGoesOnOnceThereIsSpace() throws Exception {
        Path disk = Files.createDirectories(root.resolve("disk"));
        Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", disk.toString())
                .redirectErrorStream(true).start();
        Assumptions.assumeTrue(mount.waitFor(10, TimeUnit.SECONDS) && mount.exitValue() == 0,
                "needs the right to mount a small tmpfs (root)");
        try {
            Path accessLog = disk.resolve("access.log");
            try (RunningServer server = RunningServer.start(config(accessLog, AccessControl.ALLOW_ALL))) {
                Path filler = disk.resolve("filler");
                fill(filler);
                for (int i = 0; i < 20; i++) {
                    assertEquals("200", status(server, "/index.html?while-full-" + i));
                }
                await("the failure is logged", () -> errors().contains("cannot write"));
                Files.delete(filler);
                assertEquals("200", status(server, "/index.html?after"));
                await("every line is written", () -> read(accessLog).contains("?after"));
                String lines = read(accessLog);
                for (int i = 0; i < 20; i++) {
                    assertEquals(1, count(lines, "?while-full-" + i + " "), lines);
                }
                await("the recovery is logged", () -> errors().contains("writing again"));
            }
        } finally {
            new ProcessBuilder("umount", "-l", disk.toString()).start().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static void fill(Path filler) throws IOException {
        byte[] block = new byte[1024];
        try (OutputStream out = Files.newOutputStream(filler)) {
            while (true) {
                out.write(block);
                out.flush();
            }
        } catch (IOException full) {
            assertTrue(String.valueOf(full.getMessage()).contains("No space left"), full.toString());
        }
    }

    @Test
    void aRepeatedRefusalIsLoggedOncePerInterval() throws Exception {
        AccessControl denyLoopback = new AccessControl(List.of(), List.of(
                new AclEntry.Network("127.0.0.0", InetAddress.getByName("127.0.0.0"), 8, false)));
        try (RunningServer server = RunningServer.start(config(root.resolve("logs/access.log"), denyLoopback))) {
            for (int i = 0; i < 200; i++) {
                assertEquals("403", status(server, "/index.html?" + i));
            }
            assertEquals(1, count(errors(), "denies this client"), errors());
            assertEquals("403", status(server, "/other"));
        }
    }

    @Test
    void aRepeatedBadRequestFromOneConnectionAfterAnotherIsLoggedOncePerInterval() throws Exception {
        try (RunningServer server = RunningServer.start(config(root.resolve("logs/access.log"), AccessControl.ALLOW_ALL))) {
            for (int i = 0; i < 200; i++) {
                assertEquals("400", server.raw("GET /index.html HTTP/1.1", "Host: a", "Connection: Upgrade",
                        "Upgrade: websocket", "Content-Length: 99999999999999999999999").substring(9, 12));
            }
            assertEquals(1, count(errors(), "] 400 GET /index.html"), errors());
            assertEquals("200", status(server, "/index.html"));
        }
    }
}
