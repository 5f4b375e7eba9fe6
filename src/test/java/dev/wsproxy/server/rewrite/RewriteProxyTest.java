package dev.wsproxy.server.rewrite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.wsproxy.config.model.BackendAddress;
import dev.wsproxy.tools.echo.EchoServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code [P]} with real backends: to a proxy extprocessor by name, and to a ws:// address as a tunnel. */
class RewriteProxyTest {

    @TempDir
    Path root;

    /** An HTTP backend that answers with the request target and Host it was sent. */
    private static HttpServer backend() throws Exception {
        HttpServer backend = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        backend.createContext("/", exchange -> {
            byte[] body = (exchange.getRequestURI() + " host=" + exchange.getRequestHeaders().getFirst("Host"))
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        backend.start();
        return backend;
    }

    @Test
    void proxyToAnExtprocessorByNameWithTheRewrittenPathAndQuery() throws Exception {
        HttpServer backend = backend();
        try (RewriteServer server = RewriteServer.start(root, "", """
                  extprocessor app {
                    type proxy
                    address 127.0.0.1:%d
                  }
                  context /admin/ {
                    location $DOC_ROOT/
                    accessControl {
                      deny ALL
                    }
                  }
                  rewrite {
                    enable 1
                    rules <<<END
                RewriteRule ^/api/(.*)$ http://app/v1/$1?via=rule [P,QSA,E=Proxy-Host:backend.internal]
                RewriteRule ^/admin/(.*)$ http://app/$1 [P]
                RewriteRule ^/nowhere/(.*)$ http://nosuch/$1 [P]
                END
                  }""".formatted(backend.getAddress().getPort()))) {
            RewriteServer.Reply reply = server.get("/api/users?page=2");
            assertEquals(200, reply.status());
            assertEquals("/v1/users?via=rule&page=2 host=backend.internal", reply.body());
            assertEquals(403, server.get("/admin/panel").status(),
                    "wsproxy keeps the protection of the URI the client asked for");
            assertEquals(500, server.get("/nowhere/x").status());
            assertTrue(server.errorLog().contains("names `nosuch`, which is no proxy extprocessor"), server.errorLog());
        } finally {
            backend.stop(0);
        }
    }

    @Test
    void proxyToAWebSocketAddressOpensATunnel() throws Exception {
        try (EchoServer echo = EchoServer.start(List.of(new BackendAddress.Tcp("127.0.0.1:0", "127.0.0.1", 0)),
                Set.of(), false)) {
            int port = echo.tcpAddresses().get(0).getPort();
            RewriteServer.files(root, "live/index.html", "plain page");
            try (RewriteServer server = RewriteServer.vhostRules(root,
                    "RewriteRule ^/live/(.*)$ ws://127.0.0.1:" + port + "/$1 [P]")) {
                CompletableFuture<String> echoed = new CompletableFuture<>();
                WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(
                        URI.create("ws://127.0.0.1:" + server.address().getPort() + "/live/room"),
                        new WebSocket.Listener() {
                            @Override
                            public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                                echoed.complete(data.toString());
                                return null;
                            }
                        }).get(10, TimeUnit.SECONDS);
                socket.sendText("through a rewrite rule", true);
                assertEquals("through a rewrite rule", echoed.get(10, TimeUnit.SECONDS));
                socket.sendClose(WebSocket.NORMAL_CLOSURE, "").get(10, TimeUnit.SECONDS);
                assertEquals("plain page", server.get("/live/").body(), "a plain request is served as it is");
            }
        }
    }
}
