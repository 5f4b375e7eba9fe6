package dev.wsproxy.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.wsproxy.config.model.ServerConfig;
import dev.wsproxy.server.exchange.Outcome;
import dev.wsproxy.server.pipeline.ExplainRequest;
import dev.wsproxy.server.pipeline.Explainer;
import dev.wsproxy.server.proxy.WebSocketRouting;
import dev.wsproxy.server.tls.PemTlsContextFactory;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code explain} and the running server agree: for a table of requests to {@code conf-samples/}, the server answers
 * the status {@code explain} predicts, with the file it names as the body or the location it names as
 * {@code Location}.
 */
class ExplainAgreesWithServerTest {

    /** Host (as the URL and the Host line give it), method, path, upgrade or not. */
    private record Row(String host, String method, String path, boolean upgrade) {
    }

    private static final List<Row> ROWS = List.of(
            new Row("127.0.0.1:8088", "GET", "/", false),
            new Row("chat.localhost:8088", "GET", "/nope", false),
            new Row("chat.localhost:8088", "GET", "/static", false),
            new Row("chat.localhost:8088", "GET", "/static/site.css", false),
            new Row("chat.localhost:8088", "GET", "/static/.htaccess", false),
            new Row("chat.localhost:8088", "POST", "/", false),
            new Row("chat.localhost:8088", "GET", "/static/", true),
            new Row("chat.localhost:8088", "POST", "/ws/", true),
            new Row("docs.localhost:8088", "GET", "/old/a?page=2", false),
            new Row("manual.localhost:8088", "GET", "/guide/intro.txt", false),
            new Row("manual.localhost:8088", "GET", "/guide/missing.txt", false),
            new Row("www.beta.localhost:8088", "GET", "/", false),
            new Row("alpha.localhost:8088", "HEAD", "/", false),
            new Row("nobody.example:8088", "GET", "/", false),
            new Row("127.0.0.1:8088", "GET", "/a/%2e%2e/%2e%2e/etc/passwd", false),
            new Row("127.0.0.1:8088", "GET", "/a%2fb", false));

    @TempDir
    Path logs;

    @Test
    void theServerAnswersWhatExplainSays() throws Exception {
        assumeTrue(AccessControlTest.hasIpv6Loopback(), "the sample config has a listener on [::1]");
        ServerConfig sample = Sites.confSamples(logs);
        Explainer explainer = new Explainer(sample, new WebSocketRouting());
        List<String> checked = new ArrayList<>();
        try (WsproxyServer server = WsproxyServer.start(sample, new ServerParts(new WebSocketRouting(),
                Optional.of(new PemTlsContextFactory(Path.of("")))),
                ListenerPorts.EPHEMERAL, System.err)) {
            for (Row row : ROWS) {
                Outcome predicted = explainer.explain(new ExplainRequest(URI.create("http://" + row.host() + row.path()),
                        row.method(), row.upgrade(), InetAddress.getLoopbackAddress(), List.of())).outcome();
                assertNotNull(predicted.status(), row + ": explain knows the status of every row");
                List<String> head = new ArrayList<>(List.of(row.method() + " " + row.path() + " HTTP/1.1",
                        "Host: " + row.host()));
                if (row.upgrade()) {
                    head.addAll(List.of("Connection: Upgrade", "Upgrade: websocket", "Sec-WebSocket-Version: 13",
                            "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ=="));
                }
                String reply = RunningServer.raw(server.address("http"), head.toArray(String[]::new));
                assertEquals(predicted.status(), RunningServer.status(reply), row + "\n" + reply);
                if (predicted.kind() == Outcome.Kind.STATIC && !row.method().equals("HEAD")) {
                    String body = reply.substring(reply.indexOf("\r\n\r\n") + 4);
                    assertEquals(Files.readString(Path.of(predicted.target())), body, row.toString());
                }
                if (predicted.kind() == Outcome.Kind.REDIRECT) {
                    assertTrue(reply.contains("\r\nLocation: " + predicted.target() + "\r\n"), row + "\n" + reply);
                }
                checked.add(predicted.kind() + " " + predicted.status());
            }
        }
        assertTrue(checked.containsAll(List.of("STATIC 200", "REDIRECT 301", "ERROR 404", "ERROR 403", "ERROR 405",
                "ERROR 400")), checked.toString());
    }
}
