package dev.wsproxy.server;

import static dev.wsproxy.server.Sites.listener;
import static dev.wsproxy.server.Sites.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wsproxy.config.model.AccessControl;
import dev.wsproxy.config.model.BackendAddress;
import dev.wsproxy.config.model.Context;
import dev.wsproxy.config.model.ExtProcessor;
import dev.wsproxy.config.model.SymlinkPolicy;
import dev.wsproxy.config.model.Tuning;
import dev.wsproxy.config.source.Span;
import java.net.ServerSocket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Proxy contexts: a real TCP backend and a real Unix-socket backend behind a real listener. */
class ReverseProxyTest {

    @TempDir
    Path root;
    private RawHttpBackend tcp;
    private RawHttpBackend unix;
    private RunningServer server;

    @BeforeEach
    void start() throws Exception {
        tcp = RawHttpBackend.tcp();
        unix = RawHttpBackend.unix(root.resolve("backend.sock"));
        int deadPort;
        try (ServerSocket free = new ServerSocket(0)) {
            deadPort = free.getLocalPort();
        }
        Files.createDirectories(root.resolve("site/html"));
        List<Context> contexts = List.of(Sites.files("/", root.resolve("site/html")),
                proxy("/api/", new BackendAddress.Tcp("127.0.0.1:" + tcp.port(), "127.0.0.1", tcp.port())),
                proxy("/uds/", new BackendAddress.Unix("uds://" + root.resolve("backend.sock"), root.resolve("backend.sock"))),
                proxy("/dead/", new BackendAddress.Tcp("127.0.0.1:" + deadPort, "127.0.0.1", deadPort)),
                proxy("/gone/", new BackendAddress.Unix("uds://" + root.resolve("missing.sock"), root.resolve("missing.sock"))));
        var site = Sites.vhost("site", root.resolve("site"), SymlinkPolicy.OLS_DEFAULT, AccessControl.ALLOW_ALL,
                Map.of(), contexts);
        server = RunningServer.start(Sites.server(root, List.of(listener("main", "127.0.0.1", map("*", "site"))),
                List.of(site), new Tuning(8192, 16380, 5, 1, 1000), AccessControl.ALLOW_ALL));
    }

    private static Context.Proxy proxy(String uri, BackendAddress address) {
        return new Context.Proxy(Sites.uri(uri), new ExtProcessor("backend" + uri.length(), "proxy", address, Span.none()),
                Optional.empty(), Optional.empty(), List.of(), Span.none());
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
        tcp.close();
        unix.close();
    }

    @Test
    void tcpBackendGetsTheFullUriAndForwardedHeaders() throws Exception {
        HttpResponse<String> response = server.get("/api/items/7?sort=desc&q=a%20b", "X-Forwarded-For", "198.51.100.7",
                "X-Forwarded-Host", "spoofed.example", "Cookie", "a=1");
        assertEquals(200, response.statusCode());
        assertEquals("backend saw GET /api/items/7?sort=desc&q=a%20b HTTP/1.1 body=", response.body());
        RawHttpBackend.Received seen = tcp.received.get(0);
        assertEquals("198.51.100.7, 127.0.0.1", seen.header("X-Forwarded-For"), "appended, not replaced");
        assertEquals("http", seen.header("X-Forwarded-Proto"));
        assertEquals(server.uri("").getAuthority(), seen.header("X-Forwarded-Host"), "the client's Host, not its claim");
        assertEquals(server.uri("").getAuthority(), seen.header("Host"), "Host passes unchanged");
        assertEquals("a=1", seen.header("Cookie"));
    }

    @Test
    void requestBodiesAndResponseFramingsPassThrough() throws Exception {
        HttpResponse<String> posted = server.send(HttpRequest.newBuilder(server.uri("/api/form"))
                .POST(HttpRequest.BodyPublishers.ofString("name=value")));
        assertEquals("backend saw POST /api/form HTTP/1.1 body=name=value", posted.body());
        HttpResponse<String> chunked = server.get("/api/chunked");
        assertEquals("firstbackend saw GET /api/chunked HTTP/1.1 body=", chunked.body());
        HttpResponse<String> untilClose = server.get("/api/until-close");
        assertEquals("backend saw GET /api/until-close HTTP/1.1 body=", untilClose.body());
        HttpResponse<String> created = server.get("/api/created");
        assertEquals(201, created.statusCode(), "the interim 100 is skipped");
        assertEquals("yes", created.headers().firstValue("X-Backend").orElseThrow());
        assertTrue(created.headers().firstValue("Keep-Alive").isEmpty(), "hop-by-hop headers stay behind");
    }

    @Test
    void streamedRequestBodyOfUnknownLength() throws Exception {
        byte[] payload = "x".repeat(100_000).getBytes();
        HttpResponse<String> response = server.send(HttpRequest.newBuilder(server.uri("/api/upload"))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(payload))));
        assertEquals(200, response.statusCode());
        assertTrue(response.body().endsWith("body=" + "x".repeat(100_000)));
    }

    @Test
    void unixSocketBackend() throws Exception {
        HttpResponse<String> response = server.get("/uds/hello?x=1");
        assertEquals(200, response.statusCode());
        assertEquals("backend saw GET /uds/hello?x=1 HTTP/1.1 body=", response.body());
        assertEquals("127.0.0.1", unix.received.get(0).header("X-Forwarded-For"));
        assertNull(unix.received.get(0).header("Upgrade"));
    }

    @Test
    void deadBackendsAre502AndSilentOnes504() throws Exception {
        assertEquals(502, server.get("/dead/x").statusCode());
        assertEquals(502, server.get("/gone/x").statusCode());
        long started = System.nanoTime();
        assertEquals(504, server.get("/api/silent").statusCode());
        assertTrue(System.nanoTime() - started < 10_000_000_000L, "answered at the timeout, not hung");
        assertEquals(200, server.get("/api/after").statusCode(), "other requests are unaffected");
        String errors = Files.readString(root.resolve("logs/error.log"));
        assertTrue(errors.contains("[ERROR] proxy context `/dead/`: 502, backend backend6 (127.0.0.1:"), errors);
        assertTrue(errors.contains("failed (connect)"), errors);
        assertTrue(errors.contains("[ERROR] proxy context `/gone/`: 502, backend backend6 (uds://"), errors);
        assertTrue(errors.contains("[ERROR] proxy context `/api/`: 504, backend backend5 (127.0.0.1:" + tcp.port()
                + ") failed (timeout): no response head within 1s"), errors);
    }
}
