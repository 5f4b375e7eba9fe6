package dev.wsproxy.server;

import static dev.wsproxy.server.Sites.files;
import static dev.wsproxy.server.Sites.listener;
import static dev.wsproxy.server.Sites.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.wsproxy.config.model.Tuning;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * No request reads outside its context's location: traversal and encoding tricks sent as raw request lines
 * (an HTTP client would normalise them first) get 400, and over-long request lines and headers get 414/431.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PathSafetyTest {

    private static final String SECRET = "TOP-SECRET";

    private Path root;
    private RunningServer server;

    @BeforeAll
    void start(@TempDir Path tree) throws Exception {
        root = tree;
        Path html = Files.createDirectories(root.resolve("site/html"));
        Files.writeString(html.resolve("index.html"), "home");
        Files.createDirectories(html.resolve("sub"));
        Files.writeString(html.resolve("sub/page.html"), "page");
        Files.writeString(root.resolve("site/secret.txt"), SECRET);
        Files.writeString(root.resolve("secret.txt"), SECRET);
        Path pub = Files.createDirectories(root.resolve("pub"));
        Files.writeString(pub.resolve("file.txt"), "public");
        Tuning tuning = new Tuning(1024, 2048, 5, 30, 1000);
        var vhost = Sites.vhost("site", root.resolve("site"), files("/", html), files("/pub/", pub));
        server = RunningServer.start(Sites.server(root, List.of(listener("main", "127.0.0.1", map("*", "site"))),
                List.of(vhost), tuning, dev.wsproxy.config.model.AccessControl.ALLOW_ALL));
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/../secret.txt", "/../../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E/%2e%2e/secret.txt",
            "/sub/../../secret.txt", "/..%2fsecret.txt", "/sub%2f..%2f..%2fsecret.txt", "/..%5csecret.txt",
            "/sub/..%5C..%5Csecret.txt", "/index.html%00.txt", "/pub/../../secret.txt", "/pub/%2e%2e/%2e%2e/secret.txt"})
    void traversalIsRefusedWith400(String target) throws Exception {
        String reply = server.raw("GET " + target + " HTTP/1.1", "Host: x");
        assertEquals(400, RunningServer.status(reply), reply);
        assertFalse(reply.contains(SECRET));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/sub\\..\\..\\secret.txt", "/a\\b"})
    void rawBackslashesAreRefused(String target) throws Exception {
        String reply = server.raw("GET " + target + " HTTP/1.1", "Host: x");
        assertEquals(400, RunningServer.status(reply), reply);
        assertFalse(reply.contains(SECRET));
    }

    @Test
    void dotSegmentsInsideTheRootAreResolvedLikeOls() throws Exception {
        assertEquals(200, RunningServer.status(server.raw("GET /sub/../index.html HTTP/1.1", "Host: x")));
        assertEquals(200, RunningServer.status(server.raw("GET /./sub//page.html HTTP/1.1", "Host: x")));
        String crossContext = server.raw("GET /pub/../index.html HTTP/1.1", "Host: x");
        assertEquals(200, RunningServer.status(crossContext), "cleaned first, then routed to / like OLS");
        assertEquals("home", crossContext.substring(crossContext.indexOf("\r\n\r\n") + 4));
    }

    @Test
    void overLongRequestLineIs414() throws Exception {
        String reply = server.raw("GET /" + "a".repeat(1100) + " HTTP/1.1", "Host: x");
        assertEquals(414, RunningServer.status(reply));
        assertEquals(414, RunningServer.status(server.raw("GET /?" + "q".repeat(1100) + " HTTP/1.1", "Host: x")));
        assertEquals(404, RunningServer.status(server.raw("GET /" + "a".repeat(900) + " HTTP/1.1", "Host: x")));
    }

    @Test
    void overLargeHeadersAre431() throws Exception {
        String reply = server.raw("GET / HTTP/1.1", "Host: x", "X-Big: " + "b".repeat(2100));
        assertEquals(431, RunningServer.status(reply));
        assertEquals(200, RunningServer.status(server.raw("GET / HTTP/1.1", "Host: x", "X-Ok: " + "b".repeat(1500))));
    }
}
