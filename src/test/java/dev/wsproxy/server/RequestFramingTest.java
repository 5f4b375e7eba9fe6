package dev.wsproxy.server;

import static dev.wsproxy.server.Sites.listener;
import static dev.wsproxy.server.Sites.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wsproxy.config.model.AccessControl;
import dev.wsproxy.config.model.BackendAddress;
import dev.wsproxy.config.model.Context;
import dev.wsproxy.config.model.ExtProcessor;
import dev.wsproxy.config.model.Tuning;
import dev.wsproxy.config.model.VirtualHost;
import dev.wsproxy.config.model.WebSocketRoute;
import dev.wsproxy.config.source.Span;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Request smuggling: a request whose body framing nginx refuses is refused here too (400, or 501 for an
 * unknown coding) before a byte of it reaches a backend, its connection is closed so the bytes after its head
 * never run as a second request, it writes one INFO line to the error log, and the server serves on.
 */
class RequestFramingTest {

    /** What a smuggler puts after the head: a few body bytes, then a whole second request for the backend. */
    private static final String SMUGGLED = "GET /api/smuggled HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
    private static final String CHUNKED_HELLO = "5\r\nhello\r\n0\r\n\r\n";
    private static final String WEBSOCKET_HEAD = "GET /ws/chat HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\n"
            + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n";

    @TempDir
    Path root;
    private RawHttpBackend backend;
    private RawHttpBackend webSocketBackend;
    private RunningServer server;

    @BeforeEach
    void start() throws Exception {
        backend = RawHttpBackend.tcp();
        webSocketBackend = RawHttpBackend.tcp();
        Files.createDirectories(root.resolve("site/html"));
        Files.writeString(root.resolve("site/html/index.html"), "home");
        Context.Proxy api = new Context.Proxy(Sites.uri("/api/"), new ExtProcessor("backend", "proxy",
                tcp(backend), Span.none()), Optional.empty(), Optional.empty(), List.of(), Span.none());
        VirtualHost site = Sites.vhost("site", root.resolve("site"), Sites.files("/", root.resolve("site/html")), api);
        site = new VirtualHost(site.name(), site.vhRoot(), site.docRoot(), site.domain(), site.aliases(),
                site.symlinks(), site.scripts(), site.accessControl(), site.errorPages(), site.accessLog(),
                site.contexts(), List.of(new WebSocketRoute(Sites.uri("/ws/"), tcp(webSocketBackend), Duration.ZERO,
                Span.none())), site.vhssl(), site.span());
        server = RunningServer.start(Sites.server(root, List.of(listener("main", "127.0.0.1", map("*", "site"))),
                List.of(site), new Tuning(8192, 16380, 5, 1, 1000), AccessControl.ALLOW_ALL));
    }

    private static BackendAddress tcp(RawHttpBackend backend) throws IOException {
        return new BackendAddress.Tcp("127.0.0.1:" + backend.port(), "127.0.0.1", backend.port());
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
        backend.close();
        webSocketBackend.close();
    }

    @Test
    void contentLengthPast64BitsIsRefusedAndNothingIsSmuggled() throws Exception {
        String reply = smuggle("HTTP/1.1", "Content-Length: 18446744073709551621", "hello");
        assertRefused(400, reply, "Content-Length `18446744073709551621`");
    }

    /** Undertow's own parser refuses these before any handler runs: still 400, closed, nothing smuggled. */
    @ParameterizedTest
    @ValueSource(strings = {"Content-Length: 9223372036854775808", "Content-Length: -1", "Content-Length: +5",
        "Content-Length: 5, 5", "Content-Length: 5 5", "Content-Length: 0x5", "Content-Length: 5.0",
        "Content-Length: ５", "Content-Length: ", "Content-Length: 5\\r\\nContent-Length: 5",
        "Transfer-Encoding: chunked\\r\\nTransfer-Encoding: chunked",
        "Transfer-Encoding: chunked\\r\\nContent-Length: 5"})
    void framingUndertowRefusesItselfIs400(String headers) throws Exception {
        assertRefused(400, smuggle("HTTP/1.1", headers.replace("\\r\\n", "\r\n"), CHUNKED_HELLO));
    }

    @ParameterizedTest
    @ValueSource(strings = {"chunked, identity", "gzip, chunked", "gzip", "identity"})
    void transferEncodingOtherThanChunkedAloneIs501(String coding) throws Exception {
        String reply = smuggle("HTTP/1.1", "Transfer-Encoding: " + coding, CHUNKED_HELLO);
        assertRefused(501, reply, "Transfer-Encoding `" + coding + "`");
    }

    /**
     * Chunked framing nginx refuses: a chunk size that is not hex or does not fit, data longer than its size, a
     * trailer that is not a header field. Undertow's chunk reader read the first three as a last chunk or closed
     * the connection without an answer; wsproxy reads chunked bodies itself (see docs/hardening.md).
     */
    @ParameterizedTest
    @ValueSource(strings = {"zz\r\nhello\r\n0\r\n\r\n", "-5\r\nhello\r\n0\r\n\r\n",
        "fffffffffffffffff5\r\nhello\r\n0\r\n\r\n", "3\r\nhello\r\n0\r\n\r\n",
        "5\r\nhello\r\n0\r\nnot a field\r\n\r\n", "5\r\nhello\r\n0\r\n\rX"})
    void aMalformedChunkedBodyIs400AndNeverReachesTheBackend(String body) throws Exception {
        String reply = smuggle("HTTP/1.1", "Transfer-Encoding: chunked", body);
        assertRefused(400, reply, "malformed request body");
    }

    @Test
    void traceIs405AndNeverForwarded() throws Exception {
        String reply = send("TRACE /api/echo HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        assertTrue(reply.contains("\r\nAllow: GET, HEAD, POST"), reply);
        assertRefused(405, reply, "TRACE");
    }

    @Test
    void transferEncodingOnHttp10Is400() throws Exception {
        assertRefused(400, smuggle("HTTP/1.0", "Transfer-Encoding: chunked", CHUNKED_HELLO), "HTTP/1.0");
    }

    @Test
    void webSocketUpgradeWithOverflowingLengthIs400WithoutAnError() throws Exception {
        String reply = send(WEBSOCKET_HEAD + "Content-Length: 18446744073709551621\r\n\r\nhello" + SMUGGLED);
        assertRefused(400, reply, "Content-Length");
        assertTrue(webSocketBackend.received.isEmpty(), "the upgrade never reached its backend");
    }

    @Test
    void wellFramedBodiesStillPassOnOneConnection() throws Exception {
        String reply = send("POST /api/a HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello"
                + "POST /api/b HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: Chunked\r\nConnection: close\r\n\r\n"
                + "3\r\nabc\r\n0\r\n\r\n");
        assertEquals(List.of(200, 200), statuses(reply), reply);
        assertEquals(List.of("POST /api/a HTTP/1.1 body=hello", "POST /api/b HTTP/1.1 body=abc"),
                backend.received.stream().map(r -> r.requestLine() + " body=" + r.body()).toList());
    }

    /** As {@link #assertRefused(int, String)}, and the error log has one INFO line that says {@code why}. */
    private void assertRefused(int status, String reply, String why) throws Exception {
        assertRefused(status, reply);
        String log = Files.readString(root.resolve("logs/error.log"));
        assertEquals(1, log.lines().filter(line -> line.contains("[INFO]") && line.contains("] " + status + " ")
                && line.contains(why)).count(), log);
    }

    /** One answer with {@code status}, the connection closed after it, nothing at any backend, no error logged. */
    private void assertRefused(int status, String reply) throws Exception {
        assertRefused(List.of(status), reply);
    }

    private void assertRefused(List<Integer> status, String reply) throws Exception {
        assertEquals(status, statuses(reply), "this answer, then the connection closes: " + reply);
        assertTrue(backend.received.isEmpty(), "the backend saw: " + backend.received);
        String log = Files.readString(root.resolve("logs/error.log"));
        assertFalse(log.contains("[ERROR]"), log);
        assertFalse(log.contains("Exception"), log);
        serverStillServes();
    }

    private void serverStillServes() throws Exception {
        int before = backend.received.size();
        HttpResponse<String> posted = server.send(HttpRequest.newBuilder(server.uri("/api/ok"))
                .POST(HttpRequest.BodyPublishers.ofString("fine")));
        assertEquals("backend saw POST /api/ok HTTP/1.1 body=fine", posted.body());
        assertEquals(before + 1, backend.received.size());
        assertEquals("home", server.get("/").body());
    }

    /** A POST with {@code headers} and {@code body}, and a second request for the backend right behind it. */
    private String smuggle(String version, String headers, String body) throws IOException {
        return send("POST /api/form " + version + "\r\nHost: x\r\n" + headers + "\r\n\r\n" + body + SMUGGLED);
    }

    /** Writes {@code bytes} as they are on one connection and reads until the server closes it. */
    private String send(String bytes) throws IOException {
        try (Socket socket = new Socket(server.address().getAddress(), server.address().getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(bytes.getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            ByteArrayOutputStream reply = new ByteArrayOutputStream();
            socket.getInputStream().transferTo(reply);
            return reply.toString(StandardCharsets.ISO_8859_1);
        }
    }

    private static List<Integer> statuses(String reply) {
        Matcher status = Pattern.compile("HTTP/1\\.[01] (\\d{3}) ").matcher(reply);
        return status.results().map(m -> Integer.parseInt(m.group(1))).toList();
    }
}
