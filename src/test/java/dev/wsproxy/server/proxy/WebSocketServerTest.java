package dev.wsproxy.server.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wsproxy.config.ConfigLoader;
import dev.wsproxy.config.LoadOptions;
import dev.wsproxy.config.LoadResult;
import dev.wsproxy.config.model.BackendAddress;
import dev.wsproxy.server.ListenerPorts;
import dev.wsproxy.server.ServerParts;
import dev.wsproxy.server.WsproxyServer;
import dev.wsproxy.tools.echo.EchoServer;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The WebSocket proxy end to end: a config on disk, the real server, real clients and echo backends. */
class WebSocketServerTest {

    @TempDir
    Path root;

    @Test
    void servesTheWebSocketRoutesOfAConfigOnDisk() throws Exception {
        Path socket = root.resolve("echo.sock");
        try (EchoServer echo = EchoServer.start(List.of(new BackendAddress.Tcp("127.0.0.1:0", "127.0.0.1", 0),
                new BackendAddress.Unix("unix:" + socket, socket)), Set.of(), false)) {
            int echoPort = echo.tcpAddresses().get(0).getPort();
            Files.createDirectories(root.resolve("conf"));
            Files.createDirectories(root.resolve("site/html/ws"));
            Files.createDirectories(root.resolve("logs"));
            Files.writeString(root.resolve("site/html/ws/index.html"), "<p>plain page under /ws/</p>");
            Files.writeString(root.resolve("conf/mime.properties"), "html = text/html\n");
            Files.writeString(root.resolve("conf/httpd_config.conf"), String.join("\n",
                    "serverName test",
                    "mime conf/mime.properties",
                    "accesslog " + root.resolve("logs/access.log") + " {",
                    "}",
                    "virtualhost site {",
                    "  vhRoot " + root.resolve("site") + "/",
                    "  docRoot $VH_ROOT/html/",
                    "  context /private/ {",
                    "    location $DOC_ROOT/",
                    "    accessControl {",
                    "      deny ALL",
                    "    }",
                    "  }",
                    "  websocket /ws/ {",
                    "    address 127.0.0.1:" + echoPort,
                    "  }",
                    "  websocket /private/ws {",
                    "    address 127.0.0.1:" + echoPort,
                    "  }",
                    "  websocket exp:^/rooms/[a-z]+/live$ {",
                    "    address uds:/" + socket,
                    "  }",
                    "}",
                    "listener http {",
                    "  address 127.0.0.1:8080",
                    "  secure 0",
                    "  map site *",
                    "}", ""));
            LoadResult loaded = ConfigLoader.load(root.resolve("conf/httpd_config.conf"), LoadOptions.defaults());
            assertFalse(loaded.hasErrors(), loaded.diagnostics().toString());
            try (WsproxyServer server = WsproxyServer.start(loaded.config().orElseThrow(),
                    new ServerParts(new WebSocketRouting(), Optional.empty()), ListenerPorts.EPHEMERAL, System.err)) {
                InetSocketAddress address = server.listeners().get(0).address();
                String base = "ws://127.0.0.1:" + address.getPort();

                WsClient tcp = WsClient.connect(URI.create(base + "/ws/chat?room=1"));
                assertEquals("over tcp", tcp.echoText("over tcp"));
                WsClient unix = WsClient.connect(URI.create(base + "/rooms/lobby/live"));
                assertEquals("over a unix socket", unix.echoText("over a unix socket"));

                String plain = RawGet.get(address, "/ws/");
                assertTrue(plain.startsWith("HTTP/1.1 200 ") && plain.contains("plain page under /ws/"), plain);
                String denied = RawGet.upgrade(address, "/private/ws");
                assertTrue(denied.startsWith("HTTP/1.1 403 "), "context accessControl applies to upgrades: " + denied);

                tcp.socket.sendClose(1000, "").join();
                tcp.closed.join();
                unix.socket.sendClose(1000, "").join();
                unix.closed.join();
            }
            String log = Files.readString(root.resolve("logs/access.log"), StandardCharsets.UTF_8);
            assertTrue(log.contains("\"GET /ws/chat?room=1 HTTP/1.1\" 101 ") && log.contains(" ws backend=127.0.0.1:"),
                    log);
            assertTrue(log.contains(" ws backend=uds:/" + socket), log);
            assertEquals(2, log.lines().filter(line -> line.contains("\" 101 ")).count(),
                    "each upgrade is logged once, when it ends: " + log);
        }
    }

    /** Raw requests to the server, one connection each. */
    private static final class RawGet {
        static String get(InetSocketAddress address, String uri) throws Exception {
            return send(address, "GET " + uri + " HTTP/1.1\r\nHost: site.test\r\nConnection: close\r\n\r\n");
        }

        static String upgrade(InetSocketAddress address, String uri) throws Exception {
            return send(address, Raw.upgradeHead(uri).replace("\r\n\r\n", "\r\nConnection: close\r\n\r\n")
                    .replace("Connection: Upgrade\r\n", ""));
        }

        private static String send(InetSocketAddress address, String request) throws Exception {
            try (Socket socket = new Socket()) {
                socket.connect(address, 5000);
                socket.setSoTimeout(10000);
                socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
                return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            }
        }
    }
}
