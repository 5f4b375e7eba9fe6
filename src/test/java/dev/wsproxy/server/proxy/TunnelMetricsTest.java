package dev.wsproxy.server.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wsproxy.config.ConfigLoader;
import dev.wsproxy.config.LoadOptions;
import dev.wsproxy.config.LoadResult;
import dev.wsproxy.config.model.BackendAddress;
import dev.wsproxy.server.ListenerPorts;
import dev.wsproxy.server.ServerParts;
import dev.wsproxy.server.WsproxyServer;
import dev.wsproxy.server.admin.AdminServer;
import dev.wsproxy.tools.echo.EchoServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /metrics} of the admin endpoint counts what real clients sent through the real server, vhost by vhost. */
class TunnelMetricsTest {

    @TempDir
    Path root;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Path config(int echoPort, int deadPort, int garbagePort) throws IOException {
        Files.createDirectories(root.resolve("conf"));
        Files.createDirectories(root.resolve("chat/html"));
        Files.writeString(root.resolve("chat/html/index.html"), "hello");
        Files.writeString(root.resolve("conf/mime.properties"), "html = text/html\n");
        Path config = root.resolve("conf/httpd_config.conf");
        Files.writeString(config, String.join("\n",
                "mime conf/mime.properties",
                "errorlog " + root.resolve("logs/error.log"),
                "accesslog " + root.resolve("logs/access.log"),
                "virtualhost chat {",
                "  vhRoot " + root.resolve("chat") + "/",
                "  docRoot $VH_ROOT/html/",
                "  websocket /ws/ {",
                "    address 127.0.0.1:" + echoPort,
                "  }",
                "  websocket /dead/ {",
                "    address 127.0.0.1:" + deadPort,
                "  }",
                "  websocket /garbage/ {",
                "    address 127.0.0.1:" + garbagePort,
                "  }",
                "}",
                "listener http {",
                "  address 127.0.0.1:8080",
                "  map chat *",
                "}", ""));
        return config;
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private String metrics(AdminServer admin) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(adminUri(admin, "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        assertEquals("text/plain; version=0.0.4; charset=utf-8", response.headers().firstValue("Content-Type").orElseThrow());
        return response.body();
    }

    private static URI adminUri(AdminServer admin, String path) {
        return URI.create("http://127.0.0.1:" + admin.address().getPort() + path);
    }

    /** One tunnel: an 11-byte masked "hello" frame up, its 7-byte echo down, then the client closes. */
    private static Socket openTunnel(InetSocketAddress front) throws IOException {
        Socket socket = Raw.connect(front);
        Raw.send(socket, Raw.upgradeHead("/ws/chat"));
        assertTrue(Raw.readHead(socket.getInputStream()).startsWith("HTTP/1.1 101"));
        socket.getOutputStream().write(Raw.maskedText("hello"));
        assertEquals("hello", Raw.readTextFrame(socket.getInputStream()));
        return socket;
    }

    private static String status(InetSocketAddress front, String head) throws IOException {
        return Raw.exchange(front, head).substring(9, 12);
    }

    @Test
    void metricsCountTheRequestsTunnelsBytesAndBackendErrorsSent() throws Exception {
        try (EchoServer echo = EchoServer.start(List.of(new BackendAddress.Tcp("127.0.0.1:0", "127.0.0.1", 0)), Set.of(), false);
             Raw.Backend garbage = new Raw.Backend((socket, in, out) -> {
                 Raw.readRequest(in);
                 out.write("not http at all\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
             })) {
            LoadResult loaded = ConfigLoader.load(config(echo.tcpAddresses().get(0).getPort(), closedPort(),
                    garbage.address().getPort()), LoadOptions.defaults());
            WsproxyServer server = WsproxyServer.start(loaded.config().orElseThrow(),
                    new ServerParts(new WebSocketRouting(), Optional.empty()), ListenerPorts.EPHEMERAL, System.err);
            try (AdminServer admin = AdminServer.start(new InetSocketAddress("127.0.0.1", 0), server.metrics(), server)) {
                InetSocketAddress front = server.listeners().get(0).address();
                for (int i = 0; i < 3; i++) {
                    assertEquals("200", status(front, "GET /index.html HTTP/1.1\r\nHost: a\r\n\r\n"));
                }
                assertEquals("404", status(front, "GET /missing HTTP/1.1\r\nHost: a\r\n\r\n"));
                assertEquals("502", status(front, Raw.upgradeHead("/dead/x")));
                assertEquals("502", status(front, Raw.upgradeHead("/garbage/x")));
                try (Socket first = openTunnel(front)) {
                    assertTrue(metrics(admin).contains("wsproxy_websocket_tunnels_open{vhost=\"chat\"} 1\n"));
                }
                try (Socket second = openTunnel(front)) {
                    second.shutdownOutput();
                    assertEquals(-1, second.getInputStream().read());
                }
                Path accessLog = root.resolve("logs/access.log");
                long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                while (Raw.occurrences(Files.exists(accessLog) ? Files.readString(accessLog) : "", " 101 ") < 2) {
                    assertTrue(System.nanoTime() < deadline, "both tunnels are logged");
                    Thread.sleep(50);
                }
                String metrics = metrics(admin);
                for (String sample : List.of(
                        "wsproxy_websocket_tunnels_open{vhost=\"chat\"} 0",
                        "wsproxy_websocket_tunnels_total{vhost=\"chat\"} 2",
                        "wsproxy_websocket_bytes_total{vhost=\"chat\",direction=\"from_client\"} 22",
                        "wsproxy_websocket_bytes_total{vhost=\"chat\",direction=\"to_client\"} 14",
                        "wsproxy_websocket_backend_errors_total{vhost=\"chat\",kind=\"connect\"} 1",
                        "wsproxy_websocket_backend_errors_total{vhost=\"chat\",kind=\"timeout\"} 0",
                        "wsproxy_websocket_backend_errors_total{vhost=\"chat\",kind=\"response\"} 1",
                        "wsproxy_http_requests_total{vhost=\"chat\",status_class=\"1xx\"} 2",
                        "wsproxy_http_requests_total{vhost=\"chat\",status_class=\"2xx\"} 3",
                        "wsproxy_http_requests_total{vhost=\"chat\",status_class=\"4xx\"} 1",
                        "wsproxy_http_requests_total{vhost=\"chat\",status_class=\"5xx\"} 2",
                        "wsproxy_config_reloads_total{result=\"ok\"} 0",
                        "# TYPE wsproxy_websocket_tunnels_open gauge")) {
                    assertTrue(metrics.contains(sample + "\n"), sample + " in\n" + metrics);
                }
                String errors = Files.readString(root.resolve("logs/error.log"));
                assertTrue(errors.contains("[ERROR] virtual host `chat`, websocket `/dead/`: 502, backend 127.0.0.1:"), errors);
                assertTrue(errors.contains("failed (connect)"), errors);
                assertTrue(errors.contains("websocket `/garbage/`: 502, backend 127.0.0.1:" + garbage.address().getPort()
                        + " failed (response)"), errors);

                assertEquals(200, health(admin));
                HttpResponse<String> drain = http.send(HttpRequest.newBuilder(adminUri(admin, "/drain"))
                        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(202, drain.statusCode());
                assertEquals(503, health(admin));
                assertEquals(405, http.send(HttpRequest.newBuilder(adminUri(admin, "/drain")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode());
            } finally {
                server.stop();
            }
        }
    }

    private int health(AdminServer admin) throws Exception {
        return http.send(HttpRequest.newBuilder(adminUri(admin, "/healthz")).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }
}
