package dev.wsproxy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wsproxy.config.model.LogSettings;
import dev.wsproxy.config.model.RunAs;
import dev.wsproxy.config.source.Span;
import dev.wsproxy.os.ProcessIds;
import dev.wsproxy.server.PrivilegeDrop;
import dev.wsproxy.server.StartupException;
import dev.wsproxy.server.log.ErrorLog;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code user nobody} / {@code group nogroup}: a wsproxy started as root, in a process of its own, binds, opens its
 * logs, then runs as nobody (every uid and gid, root's groups gone) and still serves and logs; without the power to
 * bind port 80 it says how to get it. These tests need root and are skipped, with a message, where the test does
 * not run as root.
 */
class PrivilegeDropTest {

    @TempDir
    Path root;

    @BeforeEach
    void needsRoot() throws IOException {
        Assumptions.assumeTrue("0".equals(command("id", "-u")),
                "skipped: the privilege drop can only be tested by a test running as root");
    }

    @Test
    void startedAsRootItServesAsTheConfiguredUserAndGroup() throws Exception {
        int port = Loopback.freePort("127.0.0.1");
        Path config = configTree(port, "user nobody\ngroup nogroup\n");
        Process process = new ProcessBuilder(WsproxyProcess.commandOn(WsproxyProcess.classPathCopiedTo(root.resolve("lib")), "-c", config.toString()))
                .directory(root.toFile()).redirectErrorStream(true).start();
        try {
            WsproxyProcess.linesUntil(WsproxyProcess.output(process), "wsproxy: serving");
            ProcessIds ids = ProcessIds.of(process.pid());
            int uid = Integer.parseInt(command("id", "-u", "nobody"));
            int gid = Integer.parseInt(command("getent", "group", "nogroup").split(":")[2]);
            assertEquals(List.of(uid, uid, uid, uid), ids.uids(), "real, effective, saved and file-system uid");
            assertEquals(List.of(gid, gid, gid, gid), ids.gids(), "real, effective, saved and file-system gid");
            List<Integer> nobodysGroups = Arrays.stream(command("id", "-G", "nobody").split(" "))
                    .map(Integer::valueOf).sorted().toList();
            assertEquals(nobodysGroups, ids.groups().stream().sorted().toList(), "nobody's own groups, not root's");
            assertFalse(ids.groups().contains(0), "root's group is gone");
            for (ProcessIds thread : ProcessIds.ofEveryThread(Long.toString(process.pid()))) {
                assertTrue(thread.allUids(uid) && thread.allGids(gid), "every thread of the JVM: " + thread);
            }

            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/")).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode());
            assertEquals("served from disk", response.body());
            WsproxyProcess.sigterm(process);
            assertTrue(process.waitFor(20, TimeUnit.SECONDS), "stopped on SIGTERM");
            assertEquals(0, process.exitValue());
            assertEquals(uid, (int) Files.getAttribute(root.resolve("logs/access.log"), "unix:uid"),
                    "the access log was handed to nobody");
            assertTrue(Files.readString(root.resolve("logs/access.log")).contains("\"GET / HTTP/1.1\" 200"),
                    "nobody still writes the access log");
            String errorLog = Files.readString(root.resolve("logs/error.log"));
            assertTrue(errorLog.contains("running as user nobody (uid " + uid + "), group id " + gid), errorLog);
            assertTrue(errorLog.contains("stopped after in-flight requests finished"), errorLog);
        } finally {
            process.destroyForcibly();
        }
    }

    @Test
    void aReloadAfterTheDropStillBindsAListenerBelowPort1024() throws Exception {
        int port = Loopback.freePort("127.0.0.1");
        Path config = configTree(port, "user nobody\ngroup nogroup\n");
        Process process = new ProcessBuilder(WsproxyProcess.commandOn(WsproxyProcess.classPathCopiedTo(root.resolve("lib")),
                "-c", config.toString())).directory(root.toFile()).redirectErrorStream(true).start();
        try {
            WsproxyProcess.linesUntil(WsproxyProcess.output(process), "wsproxy: serving");
            int low = freeLowPort();
            Files.writeString(config, Files.readString(config) + "listener low {\n  address 127.0.0.1:" + low
                    + "\n  map site *\n}\n");
            new ProcessBuilder("kill", "-HUP", Long.toString(process.pid())).inheritIO().start().waitFor();
            Path errorLog = root.resolve("logs/error.log");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!Files.readString(errorLog).matches("(?s).*(reloaded:|reload refused).*")) {
                assertTrue(System.nanoTime() < deadline, "no reload outcome within 30 s");
                Thread.sleep(50);
            }

            String log = Files.readString(errorLog);
            assertTrue(log.contains("reloaded: vhosts unchanged; listeners added [low]"), log);
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + low + "/")).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals("served from disk", response.body());
            int uid = Integer.parseInt(command("id", "-u", "nobody"));
            assertEquals(List.of(uid, uid, uid, uid), ProcessIds.of(process.pid()).uids(), "still nobody");
        } finally {
            process.destroyForcibly();
        }
    }

    /** A port below 1024 that nothing on loopback listens on. */
    private static int freeLowPort() {
        for (int port = 1000; port > 900; port--) {
            try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                return port;
            } catch (IOException taken) {
                // try the next one
            }
        }
        throw new AssertionError("no free port between 901 and 1000");
    }

    @Test
    void withoutThePowerToBindLowPortsItSaysHowToGetIt() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/setpriv")), "skipped: needs setpriv (util-linux)");
        Path config = configTree(80, "");
        List<String> command = new ArrayList<>(List.of("/usr/bin/setpriv", "--bounding-set=-net_bind_service"));
        command.addAll(WsproxyProcess.command("-c", config.toString()));
        WsproxyProcess.Result result = WsproxyProcess.run(root, command);
        assertEquals(1, result.exit(), result.toString());
        assertTrue(result.err().contains("listener main cannot listen on 127.0.0.1:80: Permission denied (ports below 1024"
                + " need root: start wsproxy as root with `user` and `group` set, and it binds, then runs as that user;"
                + " or grant the java binary CAP_NET_BIND_SERVICE)"), result.toString());
    }

    @Test
    void codeTheUserCannotReadStopsStartUpBeforeTheFirstRequest() throws Exception {
        Path config = configTree(Loopback.freePort("127.0.0.1"), "user nobody\ngroup nogroup\n");
        Path hidden = Files.createDirectory(root.resolve("hidden-classes"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        WsproxyProcess.Result result = WsproxyProcess.run(root, WsproxyProcess.commandOn(
                WsproxyProcess.classPathCopiedTo(root.resolve("lib")) + File.pathSeparator + hidden, "-c", config.toString()));
        assertEquals(ExitCodes.FAILED, result.exit(), result.toString());
        assertTrue(result.err().contains("cannot serve as user `nobody`: it cannot read wsproxy's code at " + hidden),
                result.toString());
    }

    @Test
    void aUserThatCannotBeFoundStopsStartUpInsteadOfServingAsRoot() throws IOException {
        RunAs runAs = new RunAs(Optional.of(new RunAs.Named("wsproxy-no-such-user", Span.none())), Optional.empty());
        try (ErrorLog errorLog = ErrorLog.open(new LogSettings(root.resolve("error.log"), "INFO", false,
                Optional.empty()), System.err)) {
            StartupException refused = assertThrows(StartupException.class,
                    () -> new PrivilegeDrop(runAs).run(errorLog, List.of()));
            assertEquals("refusing to serve as root: user `wsproxy-no-such-user` does not exist on this system",
                    refused.getMessage());
        }
        assertEquals("0", command("id", "-u"), "this test process is still root");
    }

    /** The served tree with {@code serverLines} at the top of its config, readable by nobody. */
    private Path configTree(int port, String serverLines) throws IOException {
        // the server reads its docRoot as nobody once it has dropped root
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path config = ServedTree.write(root, "127.0.0.1:" + port, "");
        Files.writeString(config, serverLines + Files.readString(config));
        return config;
    }

    /** The first line a command prints. */
    private static String command(String... words) throws IOException {
        Process process = new ProcessBuilder(words).redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line = out.readLine();
            return line == null ? "" : line.trim();
        }
    }
}
