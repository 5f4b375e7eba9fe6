package dev.wsproxy.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wsproxy.config.diag.Code;
import dev.wsproxy.config.diag.Diagnostic;
import dev.wsproxy.config.model.LogSettings;
import dev.wsproxy.config.model.ServerConfig;
import dev.wsproxy.server.ListenerPorts;
import dev.wsproxy.server.ServerParts;
import dev.wsproxy.server.WsproxyServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * OLS's shipped sample tree ({@link Corpus}, {@code ols-samples/conf}, installer placeholders filled in as the
 * installer would, the listener on loopback) with a site in it, served on an ephemeral port: {@code .php}
 * is never served (its scriptHandler names lsapi, which wsproxy does not run), the {@code /cgi-bin/} context
 * answers 503, and the {@code /docs/} context, located outside {@code $VH_ROOT} under {@code restrained 1},
 * serves its files.
 */
@Tag("corpus")
class OlsSampleTreeServingTest {
    private static final String SOURCE = "<?php phpinfo(); $secret = 'db-password'; ?>";

    @TempDir
    Path root;

    @Test
    void phpIsNeverServedAndDocsIsServed() throws Exception {
        Path samples = Corpus.folder("ols-samples").resolve("conf");
        Path config = installSampleTree(samples);
        LoadResult loaded = ConfigLoader.load(config, LoadOptions.defaults());
        List<String> scriptFindings = loaded.diagnostics().stream()
                .filter(d -> d.code() == Code.SCRIPT_HANDLER_NOT_RUN || d.code() == Code.UNSUPPORTED_TYPE)
                .map(d -> d.code().id() + " " + d.severity().label() + " " + d.summary()).toList();
        assertEquals(List.of(
                "WSP213 warning context type `cgi` is not run by wsproxy; requests under `/cgi-bin/` get 503",
                "WSP330 error scriptHandler `lsapi:lsphp` is not run by wsproxy: .php files get 503"),
                scriptFindings.stream().sorted().toList());
        ServerConfig sample = withQuietLogs(loaded.config().orElseThrow());
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        try (WsproxyServer server = WsproxyServer.start(sample, ServerParts.PLAIN, ListenerPorts.EPHEMERAL, System.err)) {
            InetSocketAddress address = server.address("Default");
            for (String php : List.of("/info.php", "/index.php", "/Upper.PHP")) {
                HttpResponse<String> response = get(client, address, php);
                assertEquals(503, response.statusCode(), php);
                assertFalse(response.body().contains("db-password"), response.body());
            }
            assertEquals("example home\n", get(client, address, "/").body());
            assertEquals("OLS documentation\n", get(client, address, "/docs/").body());
            assertEquals(503, get(client, address, "/cgi-bin/hello.cgi").statusCode());
            assertEquals(403, get(client, address, "/blocked/").statusCode());
        }
        String log = Files.readString(root.resolve("logs/error.log"));
        assertTrue(log.contains("503 GET /info.php: " + root.resolve("Example/html/info.php")
                + " belongs to scriptHandler lsapi:lsphp"), log);
        assertTrue(log.contains("403 GET /blocked/: context `/blocked/` has allowBrowse 0"), log);
    }

    /** The sample conf directory under {@code root}, its placeholders filled, and the site files it points at. */
    private Path installSampleTree(Path samples) throws IOException {
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
        PosixFileAttributes owner = Files.readAttributes(root, PosixFileAttributes.class);
        String text = Files.readString(root.resolve("conf/httpd_config.conf.in"))
                .replace("%USER%", owner.owner().getName()).replace("%GROUP%", owner.group().getName())
                .replace("%DEFAULT_TMP_DIR%", root.resolve("tmp").toString())
                .replace("%ADMIN_EMAIL%", "root@localhost").replace("%RUBY_BIN%", "/usr/bin/ruby")
                .replace("*:%HTTP_PORT%", "127.0.0.1:8088");
        Path config = Files.writeString(root.resolve("conf/httpd_config.conf"), text);
        write("Example/html/index.html", "example home\n");
        write("Example/html/info.php", SOURCE);
        write("Example/html/index.php", SOURCE);
        write("Example/html/Upper.PHP", SOURCE);
        write("Example/html/protected/index.html", "protected\n");
        write("Example/html/blocked/index.html", "blocked\n");
        write("Example/cgi-bin/hello.cgi", "#!/bin/sh\necho secret\n");
        write("docs/index.html", "OLS documentation\n");
        return config;
    }

    private void write(String path, String content) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    private ServerConfig withQuietLogs(ServerConfig c) {
        return new ServerConfig(c.serverRoot(), c.configFile(), c.serverName(), c.mime(),
                new LogSettings(root.resolve("logs/error.log"), "DEBUG", false, Optional.empty()), c.accessLog(),
                c.tuning(), c.accessControl(), c.gracefulRestartTimeoutSeconds(), c.extProcessors(), c.listeners(),
                c.virtualHosts());
    }

    private static HttpResponse<String> get(HttpClient client, InetSocketAddress address, String path)
            throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + address.getPort() + path))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
