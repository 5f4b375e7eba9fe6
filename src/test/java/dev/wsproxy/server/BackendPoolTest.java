package dev.wsproxy.server;

import static dev.wsproxy.server.Sites.listener;
import static dev.wsproxy.server.Sites.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wsproxy.config.model.AccessControl;
import dev.wsproxy.config.model.BackendAddress;
import dev.wsproxy.config.model.Context;
import dev.wsproxy.config.model.ExtProcessor;
import dev.wsproxy.config.model.PoolSettings;
import dev.wsproxy.config.model.ServerConfig;
import dev.wsproxy.config.model.SymlinkPolicy;
import dev.wsproxy.config.model.Tuning;
import dev.wsproxy.config.source.Span;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Proxy contexts keep their backend connections as OLS keeps them: reuse, stale connections, maxConns, idle timeout. */
class BackendPoolTest {

    @TempDir
    Path root;
    private KeepAliveBackend backend;
    private RunningServer server;
    private ServerConfig config;

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.close();
        }
        backend.close();
    }

    private void serve(BackendAddress address, PoolSettings pool, int connTimeoutSeconds) throws Exception {
        Files.createDirectories(root.resolve("site/html"));
        Context.Proxy api = new Context.Proxy(Sites.uri("/api/"), new ExtProcessor("app", "proxy", address, pool,
                Span.none()), Optional.empty(), Optional.empty(), List.of(), Span.none());
        var site = Sites.vhost("site", root.resolve("site"), SymlinkPolicy.OLS_DEFAULT, AccessControl.ALLOW_ALL,
                Map.of(), List.of(Sites.files("/", root.resolve("site/html")), api));
        config = Sites.server(root, List.of(listener("main", "127.0.0.1", map("*", "site"))), List.of(site),
                new Tuning(8192, 16380, 5, connTimeoutSeconds, 1000), AccessControl.ALLOW_ALL);
        server = RunningServer.start(config);
    }

    private BackendAddress tcp() throws Exception {
        backend = KeepAliveBackend.tcp();
        return new BackendAddress.Tcp("127.0.0.1:" + backend.port(), "127.0.0.1", backend.port());
    }

    @Test
    void fiftyRequestsShareOneTcpConnection() throws Exception {
        serve(tcp(), PoolSettings.DEFAULT, 5);
        for (int i = 1; i <= 50; i++) {
            HttpResponse<String> response = server.get("/api/n" + i);
            assertEquals("conn 1 request " + i + " GET body=", response.body());
        }
        assertEquals(1, backend.accepted());
        assertEquals("keep-alive", backend.received.get(0).header("Connection"));
    }

    @Test
    void unixSocketConnectionsAreReusedToo() throws Exception {
        Path socket = root.resolve("app.sock");
        backend = KeepAliveBackend.unix(socket);
        serve(new BackendAddress.Unix("uds://" + socket, socket), PoolSettings.DEFAULT, 5);
        for (int i = 1; i <= 20; i++) {
            assertEquals(200, server.send(HttpRequest.newBuilder(server.uri("/api/form"))
                    .POST(HttpRequest.BodyPublishers.ofString("n=" + i))).statusCode());
        }
        assertEquals(1, backend.accepted());
        assertEquals("n=20", backend.received.get(19).body());
    }

    @Test
    void aConnectionTheBackendClosedWhileIdleIsNotUsed() throws Exception {
        serve(tcp(), PoolSettings.DEFAULT, 5);
        backend.closeIdleAfter(200);
        assertEquals("conn 1 request 1 POST body=a", post("/api/a", "a").body());
        Thread.sleep(600);
        assertEquals("conn 2 request 1 POST body=b", post("/api/b", "b").body(), "not sent on the closed one");
        assertEquals(2, backend.accepted());
        assertEquals(2, backend.received.size(), "nothing was sent to the closed connection");
    }

    @Test
    void aRequestAStaleConnectionLostIsRetriedOnceWhenIdempotent() throws Exception {
        serve(tcp(), PoolSettings.DEFAULT, 5);
        backend.dropSecondRequests();
        assertEquals("conn 1 request 1 GET body=", server.get("/api/first").body());
        assertEquals("conn 2 request 1 GET body=", server.get("/api/again").body(), "sent again on a new connection");
        HttpResponse<String> post = post("/api/pay", "once");
        assertEquals(502, post.statusCode(), "a POST the backend may have acted on is not sent twice");
        long posts = backend.received.stream().filter(r -> r.head().startsWith("POST ")).count();
        assertEquals(1, posts);
        assertTrue(Files.readString(root.resolve("logs/error.log")).contains("failed (response): no valid response head"));
    }

    @Test
    void maxConnsBoundsTheConnectionsAndTheRestWaitTheirTurn() throws Exception {
        serve(tcp(), new PoolSettings(2, true, Optional.empty()), 5);
        ExecutorService clients = Executors.newFixedThreadPool(6);
        try {
            List<Future<HttpResponse<String>>> replies = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                replies.add(clients.submit(() -> server.get("/api/slow")));
            }
            for (Future<HttpResponse<String>> reply : replies) {
                assertEquals(200, reply.get(20, TimeUnit.SECONDS).statusCode());
            }
        } finally {
            clients.shutdownNow();
        }
        assertEquals(2, backend.mostOpen());
        assertEquals(2, backend.accepted(), "the waiting requests took the freed connections");
    }

    @Test
    void aRequestThatFindsAllConnectionsBusyForConnTimeoutGets503() throws Exception {
        serve(tcp(), new PoolSettings(1, true, Optional.empty()), 1);
        try (Socket upload = new Socket("127.0.0.1", server.address().getPort())) {
            // a body larger than what is read before connecting, trickling in: it holds the one connection
            OutputStream out = upload.getOutputStream();
            out.write(("POST /api/upload HTTP/1.1\r\nHost: x\r\nContent-Length: 20000\r\n\r\n" + "u".repeat(17_000))
                    .getBytes(StandardCharsets.US_ASCII));
            Future<HttpResponse<String>> waiting;
            ExecutorService client = Executors.newSingleThreadExecutor();
            try {
                Thread.sleep(200);
                waiting = client.submit(() -> server.get("/api/waits"));
                for (int i = 0; i < 6; i++) {
                    Thread.sleep(300);
                    out.write("u".repeat(100).getBytes(StandardCharsets.US_ASCII));
                }
                assertEquals(503, waiting.get(10, TimeUnit.SECONDS).statusCode());
            } finally {
                client.shutdownNow();
            }
            out.write("u".repeat(2400).getBytes(StandardCharsets.US_ASCII));
            upload.setSoTimeout(10_000);
            InputStream in = upload.getInputStream();
            assertTrue(new String(RunningServer.readResponseBody(in, 200), StandardCharsets.US_ASCII)
                    .startsWith("conn 1 request 1 POST body=uuu"));
        }
        assertEquals("conn 1 request 2 GET body=", server.get("/api/after").body(), "the connection went back");
        String errors = Files.readString(root.resolve("logs/error.log"));
        assertTrue(errors.contains("[ERROR] proxy context `/api/`: 503, backend app (127.0.0.1:" + backend.port()
                + ") failed (busy): all 1 connections (maxConns) stayed busy for 1s"), errors);
    }

    @Test
    void idleConnectionsCloseAfterPcKeepAliveTimeout() throws Exception {
        serve(tcp(), new PoolSettings(5, true, Optional.of(Duration.ofSeconds(1))), 5);
        assertEquals("conn 1 request 1 GET body=", server.get("/api/a").body());
        assertEquals("conn 1 request 2 GET body=", server.get("/api/b").body(), "reused within the timeout");
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (backend.closedByPeer() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertEquals(1, backend.closedByPeer(), "wsproxy closed the idle connection");
        assertEquals("conn 2 request 1 GET body=", server.get("/api/c").body());
    }

    @Test
    void withoutPersistConnEachRequestGetsItsOwnConnection() throws Exception {
        serve(tcp(), new PoolSettings(5, false, Optional.empty()), 5);
        assertEquals("conn 1 request 1 GET body=", server.get("/api/a").body());
        assertEquals("conn 2 request 1 GET body=", server.get("/api/b").body());
        assertEquals("close", backend.received.get(0).header("Connection"));
    }

    @Test
    void aReloadClosesTheIdleConnectionsOfTheConfigBefore() throws Exception {
        serve(tcp(), PoolSettings.DEFAULT, 5);
        assertEquals("conn 1 request 1 GET body=", server.get("/api/a").body());
        server.server.reload(config);
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (backend.closedByPeer() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertEquals(1, backend.closedByPeer());
        assertEquals("conn 2 request 1 GET body=", server.get("/api/b").body());
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return server.send(HttpRequest.newBuilder(server.uri(path)).POST(HttpRequest.BodyPublishers.ofString(body)));
    }
}
