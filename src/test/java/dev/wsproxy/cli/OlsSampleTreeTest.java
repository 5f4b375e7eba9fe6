package dev.wsproxy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wsproxy.config.Corpus;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * OLS's shipped sample tree ({@link Corpus}, {@code ols-samples/conf}), its installer placeholders filled in as the
 * installer would and its listener moved to a free loopback port, linted and served by the real {@code wsproxy}
 * process (as root it drops to {@code nobody}, as OLS does): {@code .php} is never served (its scriptHandler names lsapi, which wsproxy does not run), the
 * {@code /protected/} context asks for a password and takes the right one, the {@code /docs/} context outside
 * {@code $VH_ROOT} serves under {@code restrained 1}, lint names what wsproxy does not run, and {@code explain}
 * says the same.
 */
@Tag("corpus")
class OlsSampleTreeTest {
    private static final String SOURCE = "<?php phpinfo(); $secret = 'db-password'; ?>";

    @TempDir
    Path root;

    @Test
    void lintNamesWhatWsproxyDoesNotRun() throws Exception {
        installSampleTree(Loopback.freePort("127.0.0.1"));
        WsproxyProcess.Result lint = WsproxyProcess.run(root, "lint", "-c", "conf/httpd_config.conf");
        assertEquals(ExitCodes.FAILED, lint.exit(), lint.toString());
        assertTrue(lint.out().contains("error: scriptHandler `lsapi:lsphp` is not run by wsproxy: .php files get 503"),
                lint.out());
        assertTrue(lint.out().contains("warning: context type `cgi` is not run by wsproxy; requests under `/cgi-bin/`"
                + " get 503"), lint.out());
    }

    @Test
    void phpIsNeverServedTheRealmAsksForAPasswordAndDocsServes() throws Exception {
        int port = Loopback.freePort("127.0.0.1");
        installSampleTree(port);
        Process wsproxy = new ProcessBuilder(WsproxyProcess.commandOn(WsproxyProcess.classPathCopiedTo(root.resolve("lib")),
                "-c", "conf/httpd_config.conf")).directory(root.toFile()).redirectErrorStream(true).start();
        try (BufferedReader output = WsproxyProcess.output(wsproxy)) {
            List<String> started = WsproxyProcess.linesUntil(output, "wsproxy: serving");
            assertTrue(started.get(started.size() - 1).contains("serving"), started.toString());
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            for (String php : List.of("/info.php", "/index.php", "/Upper.PHP")) {
                HttpResponse<String> response = get(client, port, php, "");
                assertEquals(503, response.statusCode(), php);
                assertFalse(response.body().contains("db-password"), response.body());
            }
            assertEquals("example home\n", get(client, port, "/", "").body());
            assertEquals("OLS documentation\n", get(client, port, "/docs/", "").body());
            assertEquals(503, get(client, port, "/cgi-bin/hello.cgi", "").statusCode());
            assertEquals(403, get(client, port, "/blocked/", "").statusCode());

            HttpResponse<String> asked = get(client, port, "/protected/", "");
            assertEquals(401, asked.statusCode());
            assertEquals("Basic realm=\"Protected\"", asked.headers().firstValue("WWW-Authenticate").orElse(""));
            assertEquals(401, get(client, port, "/protected/", basic("user1")).statusCode(),
                    "`required user test`: user1's password is right, but user1 is not test");
            HttpResponse<String> in = get(client, port, "/protected/", basic("test"));
            assertEquals(200, in.statusCode());
            assertEquals("behind the realm\n", in.body());
        } finally {
            WsproxyProcess.sigterm(wsproxy);
            wsproxy.waitFor();
        }
        String log = Files.readString(root.resolve("logs/error.log"));
        assertTrue(log.contains("503 GET /info.php: " + root.resolve("Example/html/info.php")
                + " belongs to scriptHandler lsapi:lsphp"), log);
        assertTrue(log.contains("403 GET /blocked/: context `/blocked/` has allowBrowse 0"), log);
        assertFalse(log.contains("test123"), "no password in the error log");
    }

    @Test
    void explainSaysWhatTheSampleTreeAnswers() throws Exception {
        installSampleTree(8088);
        String conf = root.resolve("conf/httpd_config.conf").toString();
        List<List<String>> expected = List.of(
                List.of("/", "\"kind\":\"static\"", "\"target\":\"" + root.resolve("Example/html/index.html") + "\"",
                        "\"status\":200"),
                List.of("/info.php", "\"kind\":\"error\"", "\"status\":503", "belongs to scriptHandler lsapi:lsphp"),
                List.of("/docs/", "\"kind\":\"static\"", "\"match\":\"/docs/\"", "\"status\":200"),
                List.of("/protected/", "\"status\":401", "no Basic credentials"),
                List.of("/blocked/", "\"status\":403", "has allowBrowse 0"),
                List.of("/cgi-bin/hello.cgi", "\"match\":\"/cgi-bin/\"", "\"status\":503"));
        for (List<String> row : expected) {
            StringWriter out = new StringWriter();
            CommandLine cli = Main.commandLine();
            cli.setOut(new PrintWriter(out));
            cli.setErr(new PrintWriter(new StringWriter()));
            assertEquals(ExitCodes.OK, cli.execute("explain", "-c", conf, "--format", "json", "http://127.0.0.1:8088" + row.get(0)));
            for (String part : row.subList(1, row.size())) {
                assertTrue(out.toString().contains(part), row.get(0) + " lacks " + part + ": " + out);
            }
            assertTrue(out.toString().contains("\"vhost\":\"Example\""), out.toString());
        }
    }

    /** The sample's htpasswd holds DES hashes of "test123" for both of its users. */
    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":test123").getBytes(StandardCharsets.UTF_8));
    }

    /** The sample conf directory under {@code root}, its placeholders filled, and the site files it points at. */
    private void installSampleTree(int port) throws IOException {
        Path samples = Corpus.folder("ols-samples").resolve("conf");
        try (Stream<Path> files = Files.walk(samples)) {
            for (Path from : files.toList()) {
                Path to = root.resolve("conf").resolve(samples.relativize(from).toString());
                if (Files.isDirectory(from)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(from, to);
                }
            }
        }
        // as the installer does: the server runs as nobody, so the tree must be readable by others
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
        String text = Files.readString(root.resolve("conf/httpd_config.conf.in"))
                .replace("%USER%", "nobody").replace("%GROUP%", "nogroup")
                .replace("%DEFAULT_TMP_DIR%", root.resolve("tmp").toString())
                .replace("%ADMIN_EMAIL%", "root@localhost").replace("%RUBY_BIN%", "/usr/bin/ruby")
                .replace("*:%HTTP_PORT%", "127.0.0.1:" + port);
        Files.writeString(root.resolve("conf/httpd_config.conf"), text);
        write("Example/html/index.html", "example home\n");
        write("Example/html/info.php", SOURCE);
        write("Example/html/index.php", SOURCE);
        write("Example/html/Upper.PHP", SOURCE);
        write("Example/html/protected/index.html", "behind the realm\n");
        write("Example/html/blocked/index.html", "blocked\n");
        write("Example/cgi-bin/hello.cgi", "#!/bin/sh\necho secret\n");
        write("docs/index.html", "OLS documentation\n");
    }

    private void write(String path, String content) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    private static HttpResponse<String> get(HttpClient client, int port, String path, String authorization)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10));
        if (!authorization.isEmpty()) {
            request.header("Authorization", authorization);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
