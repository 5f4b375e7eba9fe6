package dev.wsproxy.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wsproxy.config.model.Listener;
import dev.wsproxy.config.model.TlsSettings;
import dev.wsproxy.config.model.Tuning;
import dev.wsproxy.config.source.Span;
import dev.wsproxy.server.exchange.UpgradeRouting;
import dev.wsproxy.server.http.InactivityTimeout;
import dev.wsproxy.server.tls.PemTlsContextFactory;
import dev.wsproxy.tls.TestPki;
import dev.wsproxy.tls.TestPki.Algorithm;
import dev.wsproxy.tls.TestPki.Issued;
import dev.wsproxy.tls.TestPki.KeyForm;
import dev.wsproxy.tls.TlsProbe;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.Socket;
import java.net.URI;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import javax.management.ObjectName;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import org.junit.jupiter.api.Test;

/**
 * {@code connTimeout} as OLS means it, no byte moved either way for that long, in every phase of a connection;
 * {@code keepAliveTimeout} between requests; and neither for a WebSocket tunnel. Here connTimeout is 2 s and
 * keepAliveTimeout 1 s.
 */
class ConnectionTimeoutsTest extends HostileSiteTest {

    private static final Tuning TUNING = new Tuning(8192, 16380, 1, 2, 1000);
    /** A keepAliveTimeout longer than connTimeout, to show that connTimeout alone ends a connection. */
    private static final Tuning LONG_KEEP_ALIVE = new Tuning(8192, 16380, 30, 2, 1000);
    private static final Duration CONN_TIMEOUT = Duration.ofSeconds(2);
    /** How long after the timeout the close may come: the timer's granularity and a loaded machine. */
    private static final Duration SLACK = Duration.ofSeconds(3);


    @Test
    void aTlsHandshakeThatNeverEndsIsClosed() throws Exception {
        TestPki pki = TestPki.create("Timeouts CA");
        Issued cert = startTls(pki, LONG_KEEP_ALIVE);

        try (Socket silent = site.connect(); Socket halfHello = site.connect()) {
            // the first bytes of a TLS record header, and then nothing
            halfHello.getOutputStream().write(new byte[] {22, 3, 1});
            assertClosedAfterTheTimeout(silent);
            HostileSite.awaitClosed(halfHello, SLACK);
        }
        assertEquals(cert.certificate(), TlsProbe.handshake(pki.clientContext(), site.address().getPort(), "localhost")
                .leaf(), "a real client still gets through");
    }

    @Test
    void aRequestHeadTrickledByteByByteIsClosed() throws Exception {
        site = HostileSite.start(root, LONG_KEEP_ALIVE);
        for (String reply : attack(slowloris -> {
            OutputStream out = slowloris.getOutputStream();
            out.write("GET / HTTP/1.1\r\nHost: x\r\n".getBytes(StandardCharsets.US_ASCII));
            long start = System.nanoTime();
            try {
                while (System.nanoTime() - start < CONN_TIMEOUT.plus(SLACK).toNanos()) {
                    Thread.sleep(300);
                    out.write('X');
                    out.flush();
                }
            } catch (IOException closed) {
                return "closed";
            }
            return HostileSite.readToEnd(slowloris);
        })) {
            assertTrue(reply.equals("closed") || reply.isEmpty(), "closed without an answer: " + reply);
        }
        site.assertHealthy();
    }

    @Test
    void aStalledUploadToAProxyGets408AndTheBackendNothingMore() throws Exception {
        site = HostileSite.start(root, TUNING);
        long start = System.nanoTime();
        for (String reply : attack(stalled -> {
            stalled.getOutputStream().write(("POST /api/upload HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n"
                    + "0123456789").getBytes(StandardCharsets.US_ASCII));
            return HostileSite.readToEnd(stalled);
        })) {
            assertTrue(reply.startsWith("HTTP/1.1 408 "), reply);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(took.compareTo(CONN_TIMEOUT.minusMillis(500)) > 0 && took.compareTo(CONN_TIMEOUT.plus(SLACK)) < 0,
                "answered after " + took);
        String log = site.awaitAccessLog("\"POST /api/upload HTTP/1.1\" 408 ", HostileSite.ATTACKERS);
        assertTrue(site.errorLog().contains("408 POST /api/upload: the client stopped sending its request body"),
                site.errorLog());
        site.backend.received.forEach(request -> assertTrue(request.requestLine().startsWith("POST /api/upload ")
                || request.requestLine().startsWith("POST /api/ok "), "nothing else reached the backend: " + request));
        assertTrue(log.contains(" 408 "), log);
        site.assertHealthy();
    }

    @Test
    void aClientThatNeverReadsALargeFileIsClosed() throws Exception {
        site = HostileSite.start(root, TUNING);
        assertNonReaderClosed("/large.bin");
        site.assertHealthy();
    }

    @Test
    void aClientThatNeverReadsALargeProxiedResponseIsClosed() throws Exception {
        site = HostileSite.start(root, TUNING);
        assertNonReaderClosed("/api/large");
        site.assertHealthy();
    }

    @Test
    void anIdleKeepAliveConnectionIsClosedAfterKeepAliveTimeout() throws Exception {
        site = HostileSite.start(root, TUNING);
        try (Socket idle = site.connect()) {
            idle.getOutputStream().write("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            assertEquals("home", new String(RunningServer.readResponseBody(idle.getInputStream(), 200),
                    StandardCharsets.US_ASCII));
            Duration closedAfter = HostileSite.awaitClosed(idle, CONN_TIMEOUT.plus(SLACK));
            assertTrue(closedAfter.compareTo(CONN_TIMEOUT) < 0, "closed by keepAliveTimeout (1 s), not connTimeout: "
                    + closedAfter);
        }
    }

    @Test
    void aWebSocketTunnelOutlivesConnTimeout() throws Exception {
        site = HostileSite.start(root, TUNING);
        CompletableFuture<String> echoed = new CompletableFuture<>();
        URI uri = URI.create(site.server.uri("/ws/").toString().replace("http://", "ws://"));
        WebSocket socket = site.server.client.newWebSocketBuilder().buildAsync(uri, new WebSocket.Listener() {
            @Override
            public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                echoed.complete(data.toString());
                return null;
            }
        }).get(10, TimeUnit.SECONDS);
        Thread.sleep(CONN_TIMEOUT.plusSeconds(1).toMillis());
        socket.sendText("after a quiet while", true).get(10, TimeUnit.SECONDS);
        assertEquals("after a quiet while", echoed.get(10, TimeUnit.SECONDS));
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "").get(10, TimeUnit.SECONDS);
    }

    /** Clients that ask for {@code path} and read nothing: the server gives up on them. */
    /**
     * A connection's watch lets go of it when it closes: hundreds of connections that their clients reset, after a
     * request or a TLS handshake, leave no watch waiting out a 300 s connTimeout, and so no connection reachable.
     */
    @Test
    void connectionsResetByTheirClientsLeaveNoWatchBehind() throws Exception {
        TestPki pki = TestPki.create("Timeouts CA");
        startTls(pki, new Tuning(8192, 16380, 30, 300, 1000));
        SSLSocketFactory tls = pki.clientContext().getSocketFactory();
        // other servers of this JVM (earlier tests) may keep watches of their own
        long before = liveInstances(InactivityTimeout.class);
        // the set of open connections lets go of closed ones at every SWEEP_EVERY-th accept only
        for (int i = 0; i < 2 * OpenConnections.SWEEP_EVERY; i++) {
            try (Socket client = site.connect(); SSLSocket secure = (SSLSocket) tls.createSocket(client, "localhost",
                    site.address().getPort(), true)) {
                secure.startHandshake();
                secure.getOutputStream().write("GET / HTTP/1.1\r\nHost: localhost\r\n\r\n"
                        .getBytes(StandardCharsets.US_ASCII));
                assertTrue(RunningServer.readHead(secure.getInputStream()).startsWith("HTTP/1.1 200 "));
                client.setSoLinger(true, 0);
            }
        }
        long deadline = System.nanoTime() + SLACK.toNanos();
        long watches = liveInstances(InactivityTimeout.class) - before;
        while (watches > 10 && System.nanoTime() < deadline) {
            Thread.sleep(100);
            watches = liveInstances(InactivityTimeout.class) - before;
        }
        assertTrue(watches <= 10, watches + " watches of closed connections still reachable");
    }

    /** Starts the site with a secure listener whose certificate {@code pki} issued; returns that certificate. */
    private Issued startTls(TestPki pki, Tuning tuning) throws Exception {
        Issued cert = pki.issue(Algorithm.EC, "localhost", "127.0.0.1");
        TlsSettings tls = new TlsSettings(cert.writeKey(root.resolve("listener.key"), KeyForm.PKCS8),
                cert.writeCertificate(root.resolve("listener.crt")), Optional.empty(), 0, Optional.empty(), 0, Span.none());
        site = HostileSite.start(root, tuning, plain -> new Listener(plain.name(), plain.address(), true,
                Optional.of(tls), plain.mappings(), plain.span()),
                new ServerParts(UpgradeRouting.NONE, Optional.of(new PemTlsContextFactory(root))));
        return cert;
    }

    /** Instances of {@code type} reachable in this JVM, after a full collection ({@code jcmd GC.class_histogram}). */
    private static long liveInstances(Class<?> type) throws Exception {
        String histogram = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                new Object[] {new String[0]}, new String[] {String[].class.getName()});
        return histogram.lines().map(line -> line.trim().split("\\s+"))
                .filter(columns -> columns.length >= 4 && columns[3].equals(type.getName()))
                .mapToLong(columns -> Long.parseLong(columns[1])).sum();
    }

    private void assertNonReaderClosed(String path) throws Exception {
        for (String reply : attack(reader -> {
            reader.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: x\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            Thread.sleep(CONN_TIMEOUT.plus(SLACK).toMillis());
            return HostileSite.readToEnd(reader);
        })) {
            assertTrue(reply.startsWith("HTTP/1.1 200 "), reply.length() + " bytes: "
                    + reply.substring(0, Math.min(100, reply.length())));
            assertTrue(reply.length() < HostileSite.LARGE_FILE, "cut off after " + reply.length() + " bytes");
        }
    }

    /** Runs {@code attacker} on {@link HostileSite#ATTACKERS} connections at once and returns what each returned. */
    private List<String> attack(HostileSite.Attacker attacker) throws Exception {
        return site.attack(attacker);
    }

    private static void assertClosedAfterTheTimeout(Socket socket) throws Exception {
        Duration closedAfter = HostileSite.awaitClosed(socket, CONN_TIMEOUT.plus(SLACK));
        assertTrue(closedAfter.compareTo(CONN_TIMEOUT.minusMillis(500)) > 0, "not before the timeout: " + closedAfter);
    }
}
