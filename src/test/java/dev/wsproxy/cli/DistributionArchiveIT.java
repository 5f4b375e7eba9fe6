package dev.wsproxy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The distribution archive that {@code mvn package} builds, unpacked in a clean folder and started through its
 * {@code bin/wsproxy} with a PATH that has java and no Maven: it serves, answers the admin endpoint, and stops
 * cleanly on SIGTERM.
 */
class DistributionArchiveIT {

    @TempDir
    Path root;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** The archive named by the build's integration-test run; a run before package (-Dtest=...) skips. */
    private static Path archive() {
        String named = System.getProperty("dist.archive");
        Assumptions.assumeTrue(named != null, "runs in the integration-test phase, after package builds the archive");
        Path archive = Path.of(named);
        assertTrue(Files.isRegularFile(archive), "mvn package builds " + archive);
        return archive;
    }

    private Path unpacked() throws Exception {
        Path into = Files.createDirectories(root.resolve("opt"));
        Process tar = new ProcessBuilder("tar", "xzf", archive().toAbsolutePath().toString(), "-C", into.toString())
                .inheritIO().start();
        assertTrue(tar.waitFor(60, TimeUnit.SECONDS) && tar.exitValue() == 0, "tar unpacks the archive");
        try (var tops = Files.list(into)) {
            List<Path> top = tops.toList();
            assertEquals(1, top.size(), "one top folder: " + top);
            return top.get(0);
        }
    }

    /** A folder holding only what bin/wsproxy needs from the PATH when installed: bash, dirname and java. */
    private Path pathWithoutMaven() throws IOException {
        Path bin = Files.createDirectories(root.resolve("path"));
        Files.createSymbolicLink(bin.resolve("java"), Path.of(System.getProperty("java.home"), "bin", "java"));
        for (String tool : List.of("bash", "dirname")) {
            Files.createSymbolicLink(bin.resolve(tool), Path.of(which(tool)));
        }
        return bin;
    }

    /** The PATH's links, deleted here: the temporary folder's clean-up warns about each link it meets. */
    private void deleteLinks() throws IOException {
        try (var links = Files.list(root.resolve("path"))) {
            for (Path link : links.toList()) {
                Files.delete(link);
            }
        }
    }

    private static String which(String tool) {
        for (String dir : System.getenv("PATH").split(":")) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return Path.of(dir, tool).toString();
            }
        }
        throw new AssertionError(tool + " is not on the PATH");
    }

    @Test
    void theArchiveHoldsTheLauncherTheJarTheUnitAndASampleConfig() throws Exception {
        Path home = unpacked();
        assertTrue(Files.isExecutable(home.resolve("bin/wsproxy")));
        assertTrue(Files.isRegularFile(home.resolve("lib/wsproxy.jar")));
        assertTrue(Files.isRegularFile(home.resolve("conf-samples/conf/httpd_config.conf")));
        assertTrue(Files.isRegularFile(home.resolve("docs/operations.md")));
        String unit = Files.readString(home.resolve("systemd/wsproxy.service"));
        for (String line : List.of("ExecStart=/opt/wsproxy/bin/wsproxy -c ", "ExecReload=/bin/kill -HUP $MAINPID",
                "KillSignal=SIGTERM", "TimeoutStopSec=330", "AmbientCapabilities=CAP_NET_BIND_SERVICE")) {
            assertTrue(unit.contains(line), line + " in\n" + unit);
        }
        assertFalse(Files.exists(home.resolve("conf-samples/logs")), "no logs of a build machine");
    }

    @Test
    void theUnpackedArchiveServesWithoutMavenAndStopsCleanly() throws Exception {
        Path home = unpacked();
        Path server = Files.createDirectories(root.resolve("server"));
        int port = Loopback.freePort("127.0.0.1");
        Path config = ServedTree.write(server, "127.0.0.1:" + port, "");
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/wsproxy").toString(), "-c", config.toString(),
                "--admin", "127.0.0.1:" + Loopback.freePort("127.0.0.1")).directory(root.toFile()).redirectErrorStream(true);
        builder.environment().put("PATH", pathWithoutMaven().toString());
        builder.environment().remove("WSPROXY_JAVA_OPTS");
        Process wsproxy = builder.start();
        try (BufferedReader output = WsproxyProcess.output(wsproxy)) {
            List<String> started = WsproxyProcess.linesUntil(output, "wsproxy: serving");
            String admin = started.stream().filter(l -> l.contains("admin endpoint on")).findFirst()
                    .orElseThrow(() -> new AssertionError(started.toString()));
            Matcher adminUrl = Pattern.compile("http://[0-9.:]+").matcher(admin);
            assertTrue(adminUrl.find(), admin);

            HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, page.statusCode());
            assertEquals("served from disk", page.body());
            assertEquals(200, http.send(HttpRequest.newBuilder(URI.create(adminUrl.group() + "/healthz")).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode());
            String metrics = http.send(HttpRequest.newBuilder(URI.create(adminUrl.group() + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertTrue(metrics.contains("wsproxy_http_requests_total{vhost=\"site\",status_class=\"2xx\"} 1\n"), metrics);
            assertFalse(Files.exists(home.resolve("target")), "nothing was built");

            WsproxyProcess.sigterm(wsproxy);
            assertTrue(wsproxy.waitFor(30, TimeUnit.SECONDS), "stops within 30 s");
            assertEquals(0, wsproxy.exitValue());
        } finally {
            wsproxy.destroyForcibly();
            deleteLinks();
        }
    }
}
