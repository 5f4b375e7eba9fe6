package dev.wsproxy.server.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.wsproxy.config.ConfigLoader;
import dev.wsproxy.config.LoadOptions;
import dev.wsproxy.config.LoadResult;
import dev.wsproxy.server.ListenerPorts;
import dev.wsproxy.server.ServerParts;
import dev.wsproxy.server.WsproxyServer;
import dev.wsproxy.server.proxy.WebSocketRouting;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * OLS's shipped sample tree, rendered as its installer would (listener on loopback) and served: the
 * {@code /protected/} context of vhost Example asks for a password and takes the sample user's.
 */
@Tag("corpus")
class OlsSampleRealmTest {

    private static final Path SHARED = Path.of("..", "shared").toAbsolutePath().normalize();

    @TempDir
    Path serverRoot;

    @Test
    void theProtectedContextAsksForAPasswordAndAcceptsTheRightOne() throws Exception {
        assumeTrue(Files.isDirectory(SHARED), "the OLS sample configs (../shared) are not here");
        Path samples = SHARED.resolve("ols-samples/conf");
        for (String file : List.of("mime.properties", "templates/ccl.conf", "templates/rails.conf",
                "vhosts/Example/vhconf.conf", "vhosts/Example/htpasswd", "vhosts/Example/htgroup")) {
            Path target = serverRoot.resolve("conf").resolve(file);
            Files.createDirectories(target.getParent());
            Files.copy(samples.resolve(file), target);
        }
        String template = Files.readString(samples.resolve("httpd_config.conf.in"));
        Files.writeString(serverRoot.resolve("conf/httpd_config.conf"), template.replace("*:%HTTP_PORT%", "127.0.0.1:8088")
                .replace("%USER%", "nobody").replace("%GROUP%", "nogroup").replace("%DEFAULT_TMP_DIR%", "/tmp/lshttpd")
                .replace("%ADMIN_EMAIL%", "root@localhost").replace("%RUBY_BIN%", "/usr/bin/ruby"));
        Path protectedDir = Files.createDirectories(serverRoot.resolve("Example/html/protected"));
        Files.writeString(protectedDir.resolve("index.html"), "behind the realm");
        LoadResult loaded = ConfigLoader.load(serverRoot.resolve("conf/httpd_config.conf"),
                new LoadOptions(Optional.empty(), false));
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        try (WsproxyServer server = WsproxyServer.start(loaded.config().orElseThrow(),
                new ServerParts(new WebSocketRouting(), Optional.empty()), ListenerPorts.EPHEMERAL, System.err)) {
            URI page = URI.create("http://127.0.0.1:" + server.address("Default").getPort() + "/protected/");
            HttpResponse<String> asked = http.send(HttpRequest.newBuilder(page).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(401, asked.statusCode());
            assertEquals(Optional.of("Basic realm=\"Protected\""), asked.headers().firstValue("WWW-Authenticate"));
            assertEquals(401, as(http, page, "user1").statusCode(), "`required user test`: user1's password is right,"
                    + " but user1 is not test");
            HttpResponse<String> in = as(http, page, "test");
            assertEquals(200, in.statusCode());
            assertTrue(in.body().contains("behind the realm"), in.body());
        }
    }

    /** The sample htpasswd's DES hashes are both of "test123". */
    private static HttpResponse<String> as(HttpClient http, URI page, String user) throws Exception {
        String credentials = Base64.getEncoder().encodeToString((user + ":test123").getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(page).header("Authorization", "Basic " + credentials).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
