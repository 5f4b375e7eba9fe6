package dev.wsproxy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.wsproxy.config.model.BackendAddress;
import dev.wsproxy.tools.echo.EchoServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** A listener on {@code [::1]}: every line that names it or its clients writes {@code ::1}, as OLS and nginx do. */
class Ipv6ClientsTest {

    @TempDir
    Path root;

    @BeforeAll
    static void needsIpv6() {
        assumeTrue(Loopback.hasIpv6(), "this machine has no ::1");
    }

    @Test
    void accessLogErrorLogAndStartUpLinesWriteTheShortForm() throws Exception {
        try (EchoServer backend = EchoServer.start(List.of(new BackendAddress.Tcp("127.0.0.1:0", "127.0.0.1", 0)),
                Set.of(), false)) {
            int port = Loopback.freePort("::1");
            Path config = ServedTree.write(root, "[::1]:" + port, "  websocket /ws/ {\n    address 127.0.0.1:"
                    + backend.tcpAddresses().get(0).getPort() + "\n  }");
            Process serve = WsproxyProcess.start(root, "-c", config.toString());
            try {
                List<String> started = WsproxyProcess.linesUntil(WsproxyProcess.output(serve), "wsproxy: serving");
                assertTrue(started.contains("wsproxy: listener main on http://[::1]:" + port), started.toString());
                HttpClient client = HttpClient.newHttpClient();
                URI base = URI.create("http://[::1]:" + port + "/");
                assertEquals(200, client.send(HttpRequest.newBuilder(base).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode());
                assertEquals("hello", echoOnce(client, URI.create("ws://[::1]:" + port + "/ws/"), "hello"));
                serve.destroy();
                assertTrue(serve.waitFor(20, TimeUnit.SECONDS), "stopped on SIGTERM");
                assertEquals(0, serve.exitValue());
            } finally {
                serve.destroyForcibly();
            }
        }
        List<String> access = Files.readAllLines(root.resolve("logs/access.log"));
        assertEquals(2, access.size(), access.toString());
        assertTrue(access.get(0).startsWith("::1 - - [") && access.get(0).contains("\"GET / HTTP/1.1\" 200"), access.get(0));
        assertTrue(access.get(1).startsWith("::1 - - [") && access.get(1).contains("\"GET /ws/ HTTP/1.1\" 101"),
                access.get(1));
        String errorLog = Files.readString(root.resolve("logs/error.log"));
        assertTrue(errorLog.contains("[NOTICE] listener main serving http on [::1]:"), errorLog);
    }

    @Test
    void aTakenPortIsReportedWithTheShortForm() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress("::1", 0));
            Path config = ServedTree.write(root, "[::1]:" + taken.getLocalPort(), "");
            StringWriter err = new StringWriter();
            CommandLine command = Main.commandLine();
            command.setErr(new PrintWriter(err));
            assertEquals(1, command.execute("-c", config.toString()));
            assertTrue(err.toString().contains("listener main cannot listen on [::1]:" + taken.getLocalPort() + ": "),
                    err.toString());
        }
    }

    /** Sends one text message over a new WebSocket and returns the first message back. */
    private static String echoOnce(HttpClient client, URI uri, String message) throws Exception {
        CompletableFuture<String> reply = new CompletableFuture<>();
        CompletableFuture<Void> closed = new CompletableFuture<>();
        WebSocket socket = client.newWebSocketBuilder().buildAsync(uri, new WebSocket.Listener() {
            @Override
            public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                reply.complete(data.toString());
                webSocket.request(1);
                return null;
            }

            @Override
            public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
                closed.complete(null);
                return null;
            }
        }).get(10, TimeUnit.SECONDS);
        socket.sendText(message, true).get(10, TimeUnit.SECONDS);
        String echoed = reply.get(10, TimeUnit.SECONDS);
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(10, TimeUnit.SECONDS);
        closed.get(10, TimeUnit.SECONDS);
        return echoed;
    }
}
