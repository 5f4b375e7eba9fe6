package dev.wsproxy.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wsproxy.config.model.AccessControl;
import dev.wsproxy.config.model.BackendAddress;
import dev.wsproxy.config.model.Context;
import dev.wsproxy.config.model.ExtProcessor;
import dev.wsproxy.config.model.PoolSettings;
import dev.wsproxy.config.model.Listener;
import dev.wsproxy.config.model.ServerConfig;
import dev.wsproxy.config.model.Tuning;
import dev.wsproxy.config.model.VirtualHost;
import dev.wsproxy.config.model.WebSocketRoute;
import dev.wsproxy.config.source.Span;
import dev.wsproxy.server.proxy.WebSocketRouting;
import dev.wsproxy.tools.echo.EchoServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/**
 * A server for hostile-client tests: a vhost with static files (a small index and a 16 MiB file), a proxy
 * context {@code /api/} to a {@link RawHttpBackend} and a WebSocket route {@code /ws/} to an echo backend, with
 * the tuning a test picks, and a route {@code /mute/} to a backend that accepts and never answers; and the checks that the server is healthy after an attack: a request and a WebSocket
 * echo still work, and its descriptors and threads are back where they were before it.
 */
final class HostileSite implements AutoCloseable {

    static final int LARGE_FILE = 16 * 1024 * 1024;
    /** Hostile connections a test opens at once: a leak of one descriptor or thread each stands out of the noise. */
    static final int ATTACKERS = 12;
    private static final int WARM_UP_ROUNDS = 4;
    /** What the test's own clients may still hold: the JDK client's pool and the backends' threads come and go. */
    private static final int NOISE = 4;

    final Path root;
    final RawHttpBackend backend;
    final EchoServer echo;
    /** The backend of {@code /mute/}: the test accepts its connections and decides what they do. */
    final ServerSocket muteBackend;
    final RunningServer server;
    private long baselineFds;
    private int baselineThreads;

    private HostileSite(Path root, RawHttpBackend backend, EchoServer echo, ServerSocket muteBackend,
                        RunningServer server) {
        this.root = root;
        this.backend = backend;
        this.echo = echo;
        this.muteBackend = muteBackend;
        this.server = server;
    }

    static HostileSite start(Path root, Tuning tuning) throws Exception {
        return start(root, tuning, UnaryOperator.identity());
    }

    /** @param listener changes the plain listener the site is served on (to make it secure, say) */
    static HostileSite start(Path root, Tuning tuning, UnaryOperator<Listener> listener) throws Exception {
        return start(root, tuning, listener, ServerParts.PLAIN);
    }

    static HostileSite start(Path root, Tuning tuning, UnaryOperator<Listener> listener, ServerParts parts)
            throws Exception {
        return start(root, tuning, listener, parts, UnaryOperator.identity());
    }

    /** @param settings changes the server-level settings of the site's config (its client limits, say) */
    static HostileSite start(Path root, Tuning tuning, UnaryOperator<Listener> listener, ServerParts parts,
                             UnaryOperator<ServerConfig> settings) throws Exception {
        Files.createDirectories(root.resolve("site/html"));
        Files.writeString(root.resolve("site/html/index.html"), "home");
        Files.write(root.resolve("site/html/large.bin"), new byte[LARGE_FILE]);
        RawHttpBackend backend = RawHttpBackend.tcp();
        EchoServer echo = EchoServer.start(List.of(new BackendAddress.Tcp("127.0.0.1:0", "127.0.0.1", 0)), Set.of(), false);
        int echoPort = echo.tcpAddresses().get(0).getPort();
        ServerSocket mute = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        mute.setSoTimeout(10_000);
        // a pool for every attacker at once: the tests hold each connection as long as connTimeout lets them
        Context.Proxy api = new Context.Proxy(Sites.uri("/api/"), new ExtProcessor("backend", "proxy",
                new BackendAddress.Tcp("127.0.0.1:" + backend.port(), "127.0.0.1", backend.port()),
                new PoolSettings(2 * ATTACKERS, true, Optional.empty()), Span.none()),
                Optional.empty(), Optional.empty(), List.of(), Span.none());
        VirtualHost site = Sites.vhost("site", root.resolve("site"), Sites.files("/", root.resolve("site/html")), api);
        site = new VirtualHost(site.name(), site.vhRoot(), site.docRoot(), site.domain(), site.aliases(),
                site.symlinks(), site.scripts(), site.accessControl(), site.errorPages(), site.accessLog(),
                site.contexts(), List.of(new WebSocketRoute(Sites.uri("/ws/"),
                new BackendAddress.Tcp("127.0.0.1:" + echoPort, "127.0.0.1", echoPort), Duration.ZERO, Span.none()),
                new WebSocketRoute(Sites.uri("/mute/"), new BackendAddress.Tcp("127.0.0.1:" + mute.getLocalPort(),
                        "127.0.0.1", mute.getLocalPort()), Duration.ZERO, Span.none())),
                site.vhssl(), site.span());
        ServerConfig config = settings.apply(Sites.server(root, List.of(listener.apply(Sites.listener("main", "127.0.0.1",
                Sites.map("*", "site")))), List.of(site), tuning, AccessControl.ALLOW_ALL));
        ServerParts withWebSockets = new ServerParts(new WebSocketRouting(), parts.tls());
        RunningServer server = RunningServer.start(config, withWebSockets);
        HostileSite hostile = new HostileSite(root, backend, echo, mute, server);
        if (!config.listeners().get(0).secure()) {
            // threads and descriptors that start on first use (one tunnel loop per I/O thread, the client's pool)
            for (int round = 0; round < WARM_UP_ROUNDS; round++) {
                hostile.assertServes();
            }
        }
        hostile.baselineFds = openFds();
        hostile.baselineThreads = Thread.activeCount();
        return hostile;
    }

    InetSocketAddress address() {
        return server.address();
    }

    Socket connect() throws IOException {
        Socket socket = new Socket(address().getAddress(), address().getPort());
        socket.setSoTimeout(10_000);
        return socket;
    }

    /** A static page, a proxied POST and a WebSocket echo all work. */
    void assertServes() throws Exception {
        assertEquals("home", server.get("/").body());
        int before = backend.received.size();
        assertEquals("backend saw POST /api/ok HTTP/1.1 body=fine", server.send(HttpRequest.newBuilder(server.uri("/api/ok"))
                .POST(HttpRequest.BodyPublishers.ofString("fine"))).body());
        assertEquals(before + 1, backend.received.size());
        assertEquals("still echoing", webSocketEcho("still echoing"));
    }

    /**
     * {@link #assertServes()}, and within a few seconds the process holds no more descriptors or threads than before
     * the attack, give or take what the test's own clients hold ({@value #NOISE}, less than {@link #ATTACKERS}).
     */
    void assertHealthy() throws Exception {
        assertServes();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (openFds() > baselineFds + NOISE || Thread.activeCount() > baselineThreads + NOISE) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("descriptors " + openFds() + " (before: " + baselineFds + "), threads "
                        + Thread.activeCount() + " (before: " + baselineThreads + "): " + fdTargets() + " "
                        + Thread.getAllStackTraces().keySet().stream().map(Thread::getName).sorted().toList());
            }
            // a thread's blocking-wait selector is closed when the thread's holder of it is collected
            System.gc();
            Thread.sleep(200);
        }
    }

    private String webSocketEcho(String message) throws Exception {
        CompletableFuture<String> echoed = new CompletableFuture<>();
        URI uri = URI.create(server.uri("/ws/").toString().replace("http://", "ws://"));
        WebSocket socket = server.client.newWebSocketBuilder().buildAsync(uri, new WebSocket.Listener() {
            @Override
            public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                echoed.complete(data.toString());
                return null;
            }
        }).get(10, TimeUnit.SECONDS);
        socket.sendText(message, true).get(10, TimeUnit.SECONDS);
        String reply = echoed.get(10, TimeUnit.SECONDS);
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "").get(10, TimeUnit.SECONDS);
        return reply;
    }

    /** Everything the server sends on {@code socket} until it closes the connection, or what came within 10 s. */
    static String readToEnd(Socket socket) throws IOException {
        ByteArrayOutputStream reply = new ByteArrayOutputStream();
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[8192];
        try {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                reply.write(buffer, 0, n);
            }
        } catch (IOException reset) {
            // a connection reset ends the reply too
        }
        return reply.toString(StandardCharsets.ISO_8859_1);
    }

    /** Waits until the server closes {@code socket}, draining what it sends; fails after {@code max}. */
    static Duration awaitClosed(Socket socket, Duration max) throws IOException {
        long start = System.nanoTime();
        socket.setSoTimeout((int) max.toMillis());
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[64 * 1024];
        try {
            while (in.read(buffer) >= 0) {
                assertTrue(System.nanoTime() - start < max.toNanos(), "still open after " + max);
            }
        } catch (java.net.SocketTimeoutException e) {
            throw new AssertionError("the server kept the connection open for " + max);
        } catch (IOException reset) {
            // closed with a reset: closed all the same
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    static long openFds() throws IOException {
        try (var fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.count();
        }
    }

    private static List<String> fdTargets() throws IOException {
        try (var fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.map(fd -> {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    return target.startsWith("socket:[") ? target + tcpState(target.substring(8, target.length() - 1))
                            : target;
                } catch (IOException gone) {
                    return "gone";
                }
            }).sorted().toList();
        }
    }

    /** What one hostile client does on its connection, returning what it makes of the server's reply. */
    interface Attacker {
        String on(Socket socket) throws Exception;
    }

    /**
     * Runs {@code attacker} on {@link #ATTACKERS} connections at once, each with a small receive buffer (so a
     * client that does not read stalls the server's writes soon), and returns what each returned.
     */
    List<String> attack(Attacker attacker) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(ATTACKERS);
        try {
            List<Future<String>> replies = new ArrayList<>();
            for (int i = 0; i < ATTACKERS; i++) {
                replies.add(threads.submit(() -> {
                    try (Socket socket = new Socket()) {
                        socket.setReceiveBufferSize(4096);
                        socket.connect(address(), 5000);
                        socket.setSoTimeout(10_000);
                        return attacker.on(socket);
                    }
                }));
            }
            List<String> results = new ArrayList<>();
            for (Future<String> reply : replies) {
                results.add(reply.get(30, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            threads.shutdownNow();
        }
    }

    /** The access log once it has {@code count} lines with {@code text} (it is written a moment after the response). */
    String awaitAccessLog(String text, int count) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        String log = accessLog();
        while (log.lines().filter(line -> line.contains(text)).count() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not " + count + " lines with " + text + " in:\n" + log);
            }
            Thread.sleep(50);
            log = accessLog();
        }
        return log;
    }

    /** Local and remote port and TCP state of the socket with this inode, as /proc/net/tcp shows it. */
    private static String tcpState(String inode) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/net/tcp"))) {
            String[] fields = line.trim().split("\\s+");
            if (fields.length > 9 && fields[9].equals(inode)) {
                return "(" + Integer.parseInt(fields[1].split(":")[1], 16) + "->"
                        + Integer.parseInt(fields[2].split(":")[1], 16) + " state " + fields[3] + ")";
            }
        }
        return "";
    }

    String errorLog() throws IOException {
        return Files.readString(root.resolve("logs/error.log"));
    }

    String accessLog() throws IOException {
        return Files.readString(root.resolve("logs/access.log"));
    }

    @Override
    public void close() throws Exception {
        server.close();
        backend.close();
        echo.close();
        muteBackend.close();
    }
}
