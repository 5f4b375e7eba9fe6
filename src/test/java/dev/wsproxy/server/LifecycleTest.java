package dev.wsproxy.server;

import static dev.wsproxy.server.Sites.listener;
import static dev.wsproxy.server.Sites.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.wsproxy.config.model.AccessControl;
import dev.wsproxy.config.model.BackendAddress;
import dev.wsproxy.config.model.Context;
import dev.wsproxy.config.model.ExtProcessor;
import dev.wsproxy.config.model.ListenAddress;
import dev.wsproxy.config.model.Listener;
import dev.wsproxy.config.model.ServerConfig;
import dev.wsproxy.config.model.SymlinkPolicy;
import dev.wsproxy.config.source.Span;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Binding every listener form, refusing to start with a clear reason, and the graceful stop. */
class LifecycleTest {

    @TempDir
    Path root;

    private ServerConfig site(Listener... listeners) throws IOException {
        Path html = Files.createDirectories(root.resolve("site/html"));
        Files.writeString(html.resolve("index.html"), "home");
        return Sites.server(root, List.of(listeners), List.of(Sites.vhost("site", root.resolve("site"), Sites.files("/", html))));
    }

    @Test
    void portInUseNamesTheListenerAndTheReason() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, java.net.InetAddress.getByName("127.0.0.1"))) {
            ServerConfig config = site(listener("Default", "127.0.0.1", map("*", "site")));
            StartupException failure = assertThrows(StartupException.class,
                    () -> WsproxyServer.start(config, ServerParts.PLAIN, l -> taken.getLocalPort(), System.err));
            assertTrue(failure.getMessage().contains("listener Default cannot listen on 127.0.0.1:" + taken.getLocalPort()),
                    failure.getMessage());
            assertTrue(failure.getMessage().toLowerCase().contains("in use"), failure.getMessage());
        }
    }

    @Test
    void addressNotOnThisMachineIsRefused() throws Exception {
        ServerConfig config = site(listener("Remote", "192.0.2.1", map("*", "site")));
        StartupException failure = assertThrows(StartupException.class,
                () -> WsproxyServer.start(config, ServerParts.PLAIN, ListenerPorts.EPHEMERAL, System.err));
        assertTrue(failure.getMessage().contains("listener Remote cannot listen on 192.0.2.1:0: "), failure.getMessage());
    }

    @Test
    void secureListenerWithoutTlsSupportRefusesToStart() throws Exception {
        Listener secure = new Listener("SSL", new ListenAddress("*:443", "0.0.0.0", 443), true, Optional.empty(),
                List.of(map("*", "site")), Span.none());
        StartupException failure = assertThrows(StartupException.class,
                () -> WsproxyServer.start(site(secure), ServerParts.PLAIN, ListenerPorts.EPHEMERAL, System.err));
        assertTrue(failure.getMessage().contains("listener SSL"), failure.getMessage());
        assertTrue(failure.getMessage().contains("secure"), failure.getMessage());
    }

    @Test
    void everyAddressFormBinds() throws Exception {
        boolean ipv6 = AccessControlTest.hasIpv6Loopback();
        List<Listener> listeners = new java.util.ArrayList<>(List.of(
                listener("any", "0.0.0.0", map("*", "site")), listener("v4", "127.0.0.1", map("*", "site"))));
        if (ipv6) {
            listeners.add(listener("v6", "::1", map("*", "site")));
            listeners.add(listener("v6any", "::", map("*", "site")));
        }
        try (RunningServer server = RunningServer.start(site(listeners.toArray(Listener[]::new)))) {
            for (BoundListener bound : server.server.listeners()) {
                int port = bound.address().getPort();
                String host = switch (bound.name()) {
                    case "v6", "v6any" -> "::1";
                    default -> "127.0.0.1";
                };
                String reply = RunningServer.raw(new InetSocketAddress(host, port), "GET / HTTP/1.1", "Host: x");
                assertEquals(200, RunningServer.status(reply), bound.name());
            }
        }
        assumeTrue(ipv6, "IPv6 listeners skipped: this machine has no ::1");
    }

    @Test
    void gracefulStopLetsInFlightRequestsFinishAndRefusesNewOnes() throws Exception {
        try (RawHttpBackend backend = RawHttpBackend.tcp()) {
            ServerConfig config = withProxy(backend, 5);
            RunningServer server = RunningServer.start(config);
            InetSocketAddress address = server.address();
            CompletableFuture<HttpResponse<String>> slow = server.client.sendAsync(
                    java.net.http.HttpRequest.newBuilder(server.uri("/api/slow")).build(), HttpResponse.BodyHandlers.ofString());
            waitFor(() -> !backend.received.isEmpty());
            long started = System.nanoTime();
            assertTrue(server.server.stop(), "the in-flight request finished within the grace period");
            assertEquals(200, slow.get(5, TimeUnit.SECONDS).statusCode());
            assertTrue(System.nanoTime() - started < TimeUnit.SECONDS.toNanos(4));
            assertThrows(ConnectException.class, () -> new Socket(address.getAddress(), address.getPort()).close());
        }
    }

    @Test
    void gracePeriodBoundsTheWait() throws Exception {
        try (RawHttpBackend backend = RawHttpBackend.tcp()) {
            RunningServer server = RunningServer.start(withProxy(backend, 1));
            server.client.sendAsync(java.net.http.HttpRequest.newBuilder(server.uri("/api/silent")).build(),
                    HttpResponse.BodyHandlers.ofString());
            waitFor(() -> !backend.received.isEmpty());
            long started = System.nanoTime();
            assertFalse(server.server.stop());
            long took = System.nanoTime() - started;
            assertTrue(took >= TimeUnit.MILLISECONDS.toNanos(900) && took < TimeUnit.SECONDS.toNanos(4), took + "ns");
        }
    }

    @Test
    void idleKeepAliveAndSlowRequestHeadsAreCutAtTheTuningTimeouts() throws Exception {
        ServerConfig config = site(listener("main", "127.0.0.1", map("*", "site")));
        config = new ServerConfig(config.serverRoot(), config.configFile(), config.serverName(), config.mime(),
                config.errorLog(), config.accessLog(), new dev.wsproxy.config.model.Tuning(8192, 16380, 1, 1, 100),
                config.accessControl(), 5, config.extProcessors(), config.listeners(), config.virtualHosts());
        try (RunningServer server = RunningServer.start(config)) {
            try (Socket idle = new Socket(server.address().getAddress(), server.address().getPort())) {
                idle.setSoTimeout(5000);
                idle.getOutputStream().write("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                long started = System.nanoTime();
                byte[] all = idle.getInputStream().readAllBytes();
                long took = System.nanoTime() - started;
                assertTrue(new String(all, StandardCharsets.ISO_8859_1).startsWith("HTTP/1.1 200"));
                assertTrue(took > TimeUnit.MILLISECONDS.toNanos(800) && took < TimeUnit.SECONDS.toNanos(4),
                        "closed after keepAliveTimeout 1 s, took " + took / 1_000_000 + " ms");
            }
            try (Socket slow = new Socket(server.address().getAddress(), server.address().getPort())) {
                slow.setSoTimeout(5000);
                slow.getOutputStream().write("GET / HTTP/1.1\r\nHost: x\r\n".getBytes(StandardCharsets.ISO_8859_1));
                long started = System.nanoTime();
                assertEquals(-1, slow.getInputStream().read(), "an unfinished head is dropped, not answered");
                assertTrue(System.nanoTime() - started < TimeUnit.SECONDS.toNanos(4), "closed after connTimeout 1 s");
            }
        }
    }

    private ServerConfig withProxy(RawHttpBackend backend, int graceSeconds) throws IOException {
        Path html = Files.createDirectories(root.resolve("site/html"));
        Context.Proxy api = new Context.Proxy(Sites.uri("/api/"), new ExtProcessor("api", "proxy",
                new BackendAddress.Tcp("127.0.0.1:" + backend.port(), "127.0.0.1", backend.port()), Span.none()),
                Optional.empty(), Optional.empty(), List.of(), Span.none());
        var vhost = Sites.vhost("site", root.resolve("site"), SymlinkPolicy.OLS_DEFAULT, AccessControl.ALLOW_ALL,
                Map.of(), List.of(Sites.files("/", html), api));
        return Sites.withGracePeriod(Sites.server(root, List.of(listener("main", "127.0.0.1", map("*", "site"))),
                List.of(vhost)), graceSeconds);
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "condition not met in 5 s");
            Thread.sleep(10);
        }
    }
}
