package dev.wsproxy.server;

import static dev.wsproxy.server.Sites.listener;
import static dev.wsproxy.server.Sites.map;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wsproxy.config.model.AccessControl;
import dev.wsproxy.config.model.BackendAddress;
import dev.wsproxy.config.model.Context;
import dev.wsproxy.config.model.ExtProcessor;
import dev.wsproxy.config.model.PoolSettings;
import dev.wsproxy.config.model.SymlinkPolicy;
import dev.wsproxy.config.model.Tuning;
import dev.wsproxy.config.source.Span;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proxied requests without a body run on the client connections' I/O threads: many at once cost no thread each, and
 * a large body reaches a client that reads it slowly whole and in order, while other requests go on being served.
 */
class ProxyIoThreadTest {

    private static final int IN_FLIGHT = 40;
    /** More than the client's and the proxy's socket buffers hold together, so the slow reader sets the pace. */
    private static final int BULK = 6 * 1024 * 1024;
    private static final byte[] BODY = randomBytes(BULK);

    @TempDir
    Path root;
    private RunningServer server;
    private final List<AutoCloseable> backends = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.close();
        }
        for (AutoCloseable backend : backends) {
            backend.close();
        }
    }

    private void serve(int backendPort) throws Exception {
        serve(backendPort, IN_FLIGHT + 10);
    }

    private void serve(int backendPort, int maxConns) throws Exception {
        Files.createDirectories(root.resolve("site/html"));
        Context.Proxy api = new Context.Proxy(Sites.uri("/api/"), new ExtProcessor("app", "proxy",
                new BackendAddress.Tcp("127.0.0.1:" + backendPort, "127.0.0.1", backendPort),
                new PoolSettings(maxConns, true, Optional.empty()), Span.none()),
                Optional.empty(), Optional.empty(), List.of(), Span.none());
        var site = Sites.vhost("site", root.resolve("site"), SymlinkPolicy.OLS_DEFAULT, AccessControl.ALLOW_ALL,
                Map.of(), List.of(Sites.files("/", root.resolve("site/html")), api));
        server = RunningServer.start(Sites.server(root, List.of(listener("main", "127.0.0.1", map("*", "site"))),
                List.of(site), new Tuning(8192, 16380, 5, 10, 1000), AccessControl.ALLOW_ALL));
    }

    @Test
    void concurrentSlowGetsTakeNoThreadOfTheirOwn() throws Exception {
        RawHttpBackend backend = RawHttpBackend.tcp();
        backends.add(backend);
        serve(backend.port());
        Set<Thread> before = proxyThreads();
        List<Socket> clients = new ArrayList<>();
        try {
            long started = System.nanoTime();
            for (int i = 0; i < IN_FLIGHT; i++) {
                Socket client = new Socket("127.0.0.1", server.address().getPort());
                clients.add(client);
                client.getOutputStream().write(("GET /api/slow HTTP/1.1\r\nHost: x\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
            }
            Thread.sleep(300);
            Set<Thread> during = proxyThreads();
            during.removeAll(before);
            assertEquals(Set.of(), during, "threads started for the requests in flight");
            for (Socket client : clients) {
                client.setSoTimeout(10_000);
                String body = new String(RunningServer.readResponseBody(client.getInputStream(), 200),
                        StandardCharsets.US_ASCII);
                assertEquals("backend saw GET /api/slow HTTP/1.1 body=", body);
            }
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertTrue(took.compareTo(Duration.ofSeconds(5)) < 0, IN_FLIGHT + " requests of 1 s took " + took);
        } finally {
            for (Socket client : clients) {
                client.close();
            }
        }
    }

    @Test
    void aLargeBodyReachesASlowReaderWholeWhileOthersAreServed() throws Exception {
        BulkBackend backend = new BulkBackend();
        backends.add(backend);
        serve(backend.port());
        ExecutorService others = Executors.newSingleThreadExecutor();
        try (Socket slow = new Socket()) {
            slow.setReceiveBufferSize(16 * 1024);
            slow.connect(new InetSocketAddress("127.0.0.1", server.address().getPort()));
            slow.setSoTimeout(10_000);
            slow.getOutputStream().write(("GET /api/bulk HTTP/1.1\r\nHost: x\r\n\r\nGET /api/bulk-chunked HTTP/1.1\r\n"
                    + "Host: x\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            InputStream in = slow.getInputStream();
            Future<List<Duration>> meanwhile = others.submit(() -> {
                List<Duration> times = new ArrayList<>();
                for (int i = 0; i < 5; i++) {
                    long start = System.nanoTime();
                    assertEquals("small", server.get("/api/small").body());
                    times.add(Duration.ofNanos(System.nanoTime() - start));
                }
                return times;
            });
            String head = RunningServer.readHead(in);
            assertEquals(200, RunningServer.status(head));
            assertArrayEquals(digest(BODY), digest(readSlowly(in, contentLength(head))), "the Content-Length body");
            head = RunningServer.readHead(in);
            assertTrue(head.toLowerCase().contains("transfer-encoding: chunked"), head);
            assertArrayEquals(digest(BODY), digest(dechunkSlowly(in)), "the chunked body");
            for (Duration took : meanwhile.get(10, TimeUnit.SECONDS)) {
                assertTrue(took.compareTo(Duration.ofSeconds(1)) < 0, "served in " + took + " beside the slow reader");
            }
        } finally {
            others.shutdownNow();
        }
    }

    @Test
    void aHeadAnswerHasTheLengthButNoBodyAndLeavesBothConnectionsReady() throws Exception {
        BulkBackend backend = new BulkBackend();
        backends.add(backend);
        serve(backend.port(), 1);
        try (Socket client = new Socket("127.0.0.1", server.address().getPort())) {
            client.setSoTimeout(10_000);
            client.getOutputStream().write(("HEAD /api/bulk HTTP/1.1\r\nHost: x\r\n\r\nGET /api/small HTTP/1.1\r\n"
                    + "Host: x\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            InputStream in = client.getInputStream();
            String head = RunningServer.readHead(in);
            assertEquals(200, RunningServer.status(head), head);
            assertEquals(BULK, contentLength(head), "the length a GET would have");
            assertEquals("small", new String(RunningServer.readResponseBody(in, 200), StandardCharsets.US_ASCII),
                    "the next answer follows the head at once");
        }
        assertEquals(1, backend.accepted.get(), "both requests went on the one pooled connection");
    }

    @Test
    void brokenResponsesAre502OrACutConnectionAndGiveTheirTurnBack() throws Exception {
        BulkBackend backend = new BulkBackend();
        backends.add(backend);
        serve(backend.port(), 1);
        assertEquals(502, server.get("/api/garbage").statusCode());
        for (String broken : List.of("/api/cut", "/api/bad-chunk")) {
            try (Socket client = new Socket("127.0.0.1", server.address().getPort())) {
                client.setSoTimeout(10_000);
                client.getOutputStream().write(("GET " + broken + " HTTP/1.1\r\nHost: x\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                InputStream in = client.getInputStream();
                assertEquals(200, RunningServer.status(RunningServer.readHead(in)), broken);
                byte[] rest = in.readAllBytes();
                assertTrue(rest.length < 100, broken + ": the connection is cut before the body could end");
            }
        }
        long started = System.nanoTime();
        assertEquals("small", server.get("/api/small").body(), "the one connection's turn came back each time");
        assertTrue(System.nanoTime() - started < 2_000_000_000L, "without waiting for a turn");
        List<String> errors = Files.readAllLines(root.resolve("logs/error.log"));
        assertEquals(1, errors.stream().filter(line -> line.contains("[ERROR] proxy context `/api/`: 502, backend app")
                && line.contains("failed (response)")).count(), String.join("\n", errors));
        assertTrue(errors.stream().noneMatch(line -> line.contains("Exception")), String.join("\n", errors));
    }

    /** Reads {@code length} bytes in 32 KiB steps with a pause after each: a client on a slow link. */
    private static byte[] readSlowly(InputStream in, int length) throws Exception {
        ByteArrayOutputStream body = new ByteArrayOutputStream(length);
        byte[] step = new byte[32 * 1024];
        while (body.size() < length) {
            int n = in.read(step, 0, Math.min(step.length, length - body.size()));
            if (n < 0) {
                throw new IOException("connection closed after " + body.size() + " of " + length + " bytes");
            }
            body.write(step, 0, n);
            Thread.sleep(2);
        }
        return body.toByteArray();
    }

    private static byte[] dechunkSlowly(InputStream in) throws Exception {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            int size = Integer.parseInt(KeepAliveBackend.readLine(in), 16);
            if (size == 0) {
                KeepAliveBackend.readLine(in);
                return body.toByteArray();
            }
            body.write(readSlowly(in, size));
            KeepAliveBackend.readLine(in);
        }
    }

    private static int contentLength(String head) {
        Matcher length = Pattern.compile("(?im)^Content-Length: *(\\d+)").matcher(head);
        assertTrue(length.find(), head);
        return Integer.parseInt(length.group(1));
    }

    private static Set<Thread> proxyThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().startsWith("wsproxy-proxy-")).collect(Collectors.toSet());
    }

    private static byte[] digest(byte[] bytes) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(bytes);
    }

    private static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        new Random(20).nextBytes(bytes);
        return bytes;
    }

    /**
     * A keep-alive backend that answers {@code /bulk} with {@link #BODY} by its length (its head alone to a
     * {@code HEAD}), {@code /bulk-chunked} with it in chunks of uneven sizes, {@code /garbage} with no HTTP at all,
     * {@code /cut} with a body shorter than its length, {@code /bad-chunk} with a chunk size that is no number, and
     * anything else with {@code small}.
     */
    private static final class BulkBackend implements AutoCloseable {
        private final ServerSocketChannel server = BackendListener.tcp();
        final AtomicInteger accepted = new AtomicInteger();

        BulkBackend() throws IOException {
            Thread acceptor = new Thread(() -> {
                while (server.isOpen()) {
                    try {
                        SocketChannel connection = server.accept();
                        accepted.incrementAndGet();
                        Thread worker = new Thread(() -> serve(connection), "bulk-backend");
                        worker.setDaemon(true);
                        worker.start();
                    } catch (IOException e) {
                        return;
                    }
                }
            }, "bulk-backend-acceptor");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int port() throws IOException {
            return BackendListener.port(server);
        }

        private void serve(SocketChannel connection) {
            try (connection) {
                InputStream in = Channels.newInputStream(connection);
                OutputStream out = Channels.newOutputStream(connection);
                for (String head = requestHead(in); head != null; head = requestHead(in)) {
                    if (head.startsWith("GET /api/bulk-chunked ")) {
                        out.write(ascii("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"));
                        Random sizes = new Random(7);
                        for (int at = 0; at < BODY.length; ) {
                            int size = Math.min(1 + sizes.nextInt(100_000), BODY.length - at);
                            out.write((Integer.toHexString(size) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                            out.write(BODY, at, size);
                            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                            at += size;
                        }
                        out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    } else if (head.startsWith("GET /api/bulk ") || head.startsWith("HEAD /api/bulk ")) {
                        out.write(("HTTP/1.1 200 OK\r\nContent-Length: " + BODY.length + "\r\n\r\n")
                                .getBytes(StandardCharsets.US_ASCII));
                        if (head.startsWith("GET ")) {
                            out.write(BODY);
                        }
                    } else if (head.startsWith("GET /api/garbage ")) {
                        out.write("SMTP ready\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                        return;
                    } else if (head.startsWith("GET /api/cut ")) {
                        out.write(ascii("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nshort"));
                        return;
                    } else if (head.startsWith("GET /api/bad-chunk ")) {
                        out.write("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nfirst\r\nzz\r\n"
                                .getBytes(StandardCharsets.US_ASCII));
                    } else {
                        out.write(ascii("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nsmall"));
                    }
                }
            } catch (IOException e) {
                // the proxy closed the connection; the test's assertions say whether it should have
            }
        }

        private static byte[] ascii(String text) {
            return text.getBytes(StandardCharsets.US_ASCII);
        }

        private static String requestHead(InputStream in) throws IOException {
            StringBuilder head = new StringBuilder();
            while (head.length() < 4 || !head.substring(head.length() - 4).equals("\r\n\r\n")) {
                int b = in.read();
                if (b < 0) {
                    return null;
                }
                head.append((char) b);
            }
            return head.toString();
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }
}
