package dev.wsproxy.server;

import static dev.wsproxy.server.CompressedSite.get;
import static dev.wsproxy.server.CompressedSite.gunzip;
import static dev.wsproxy.server.CompressedSite.text;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Proxied responses gzipped on the fly with enableDynGzipCompress 1, from a real backend through a real listener. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DynamicGzipTest {

    private static final byte[] SCRIPT = text(20_000);
    private static final byte[] FIRST_PIECE = "<p>first piece</p>\n".repeat(20).getBytes(StandardCharsets.US_ASCII);

    private final CountDownLatch restMaySend = new CountDownLatch(1);
    private ServerSocket backend;
    private Thread acceptor;
    private Path root;
    private RunningServer server;

    @BeforeAll
    void start(@TempDir Path tree) throws Exception {
        root = tree;
        backend = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = new Thread(this::serveBackend, "gzip-test-backend");
        acceptor.setDaemon(true);
        acceptor.start();
        server = start(root, "enableDynGzipCompress 1\n  gzipCompressLevel 6", "");
    }

    private RunningServer start(Path at, String tuning, String vhostLines) throws Exception {
        return CompressedSite.start(at, tuning, "extprocessor app {\n  type proxy\n  address 127.0.0.1:"
                + backend.getLocalPort() + "\n}", vhostLines + "\n  context /app/ {\n    type proxy\n    handler app\n  }");
    }

    @AfterAll
    void stop() throws IOException {
        server.close();
        restMaySend.countDown();
        backend.close();
    }

    @Test
    void aCompressibleResponseIsGzippedWithAWeakETag() throws Exception {
        HttpResponse<byte[]> response = get(server, "/app/script.js", "Accept-Encoding", "gzip");
        assertEquals(200, response.statusCode());
        assertEquals("gzip", header(response, "Content-Encoding"));
        assertEquals("Accept-Encoding", header(response, "Vary"));
        assertEquals("W/\"v1\"", header(response, "ETag"), "the gzipped bytes are not the backend's");
        assertArrayEquals(SCRIPT, gunzip(response.body()));
        assertTrue(response.body().length < SCRIPT.length / 5, "compressed: " + response.body().length);
    }

    @Test
    void aClientWithoutGzipGetsTheBackendsBytes() throws Exception {
        HttpResponse<byte[]> response = get(server, "/app/script.js");
        assertEquals(Optional.empty(), response.headers().firstValue("Content-Encoding"));
        assertEquals("Accept-Encoding", header(response, "Vary"));
        assertEquals("\"v1\"", header(response, "ETag"));
        assertEquals(String.valueOf(SCRIPT.length), header(response, "Content-Length"));
        assertArrayEquals(SCRIPT, response.body());
    }

    @Test
    void responsesThatMustNotOrNeedNotBeGzippedPassAsTheBackendSentThem() throws Exception {
        for (String path : List.of("/app/encoded", "/app/tiny", "/app/image", "/app/no-transform", "/app/range")) {
            HttpResponse<byte[]> response = get(server, path, "Accept-Encoding", "gzip");
            byte[] sent = backendBody(path);
            assertArrayEquals(sent, response.body(), path + " is relayed unchanged");
            assertEquals(path.equals("/app/encoded") ? Optional.of("gzip") : Optional.empty(),
                    response.headers().firstValue("Content-Encoding"), path + " is never gzipped (twice)");
        }
        HttpResponse<byte[]> head = CompressedSite.send(server, "HEAD", "/app/script.js", "Accept-Encoding", "gzip");
        assertEquals(Optional.empty(), head.headers().firstValue("Content-Encoding"));
    }

    @Test
    void aStreamedResponseReachesTheClientPieceByPiece() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(server.uri("/app/stream")).header("Accept-Encoding", "gzip")
                .timeout(Duration.ofSeconds(10)).build();
        assertTimeoutPreemptively(Duration.ofSeconds(15), () -> {
            HttpResponse<InputStream> response = server.client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            assertEquals("gzip", header(response, "Content-Encoding"));
            try (InputStream body = new GZIPInputStream(response.body())) {
                assertArrayEquals(FIRST_PIECE, body.readNBytes(FIRST_PIECE.length),
                        "the first piece arrives while the backend holds back the rest");
                restMaySend.countDown();
                assertEquals("<p>the rest</p>\n", new String(body.readAllBytes(), StandardCharsets.US_ASCII));
            }
        });
    }

    @Test
    void withoutEnableDynGzipCompressProxiedResponsesAreNotTouched(@TempDir Path other) throws Exception {
        try (RunningServer plain = start(other, "enableDynGzipCompress 0", "")) {
            HttpResponse<byte[]> response = get(plain, "/app/script.js", "Accept-Encoding", "gzip");
            assertEquals(Optional.empty(), response.headers().firstValue("Content-Encoding"));
            assertEquals(Optional.empty(), response.headers().firstValue("Vary"));
            assertArrayEquals(SCRIPT, response.body());
        }
        try (RunningServer vhostOff = start(other, "enableDynGzipCompress 1", "  enableGzip 0")) {
            assertEquals(Optional.empty(), get(vhostOff, "/app/script.js", "Accept-Encoding", "gzip").headers()
                    .firstValue("Content-Encoding"));
        }
    }

    private void serveBackend() {
        while (!backend.isClosed()) {
            try {
                Socket connection = backend.accept();
                Thread worker = new Thread(() -> answer(connection), "gzip-test-backend-connection");
                worker.setDaemon(true);
                worker.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    /** Answers one request and closes the connection. */
    private void answer(Socket connection) {
        try (connection) {
            String head = RunningServer.readHead(connection.getInputStream());
            String path = head.substring(head.indexOf(' ') + 1, head.indexOf(' ', head.indexOf(' ') + 1));
            OutputStream out = connection.getOutputStream();
            if (path.equals("/app/stream")) {
                out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n"
                        + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                writeChunk(out, FIRST_PIECE);
                restMaySend.await();
                writeChunk(out, "<p>the rest</p>\n".getBytes(StandardCharsets.US_ASCII));
                out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                return;
            }
            byte[] body = backendBody(path);
            String extra = switch (path) {
                case "/app/script.js" -> "Content-Type: application/javascript\r\nETag: \"v1\"\r\n";
                case "/app/encoded" -> "Content-Type: text/plain\r\nContent-Encoding: gzip\r\n";
                case "/app/image" -> "Content-Type: image/png\r\n";
                case "/app/no-transform" -> "Content-Type: text/plain\r\nCache-Control: no-transform\r\n";
                case "/app/range" -> "Content-Type: text/plain\r\nContent-Range: bytes 0-4999/10000\r\n";
                default -> "Content-Type: text/plain\r\n";
            };
            String status = path.equals("/app/range") ? "206 Partial Content" : "200 OK";
            out.write(("HTTP/1.1 " + status + "\r\n" + extra + "Content-Length: " + body.length
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            if (!head.startsWith("HEAD ")) {
                out.write(body);
            }
        } catch (IOException | InterruptedException e) {
            // the test that asked sees the failure
        }
    }

    private static byte[] backendBody(String path) throws IOException {
        return switch (path) {
            case "/app/script.js" -> SCRIPT;
            case "/app/encoded" -> gzip(text(5000));
            case "/app/tiny" -> text(200);
            default -> text(5000);
        };
    }

    private static void writeChunk(OutputStream out, byte[] chunk) throws IOException {
        out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(chunk);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(bytes);
        }
        return out.toByteArray();
    }

    private static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElseThrow(() -> new AssertionError("no " + name + " in "
                + response.headers().map()));
    }
}
