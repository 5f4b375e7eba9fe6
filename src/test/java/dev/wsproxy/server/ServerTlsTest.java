package dev.wsproxy.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.wsproxy.config.model.BackendAddress;
import dev.wsproxy.config.model.ContextUri;
import dev.wsproxy.config.model.HostMapping;
import dev.wsproxy.config.model.ListenAddress;
import dev.wsproxy.config.model.Listener;
import dev.wsproxy.config.model.ServerConfig;
import dev.wsproxy.config.model.SessionResumption;
import dev.wsproxy.config.model.TlsSettings;
import dev.wsproxy.config.model.VirtualHost;
import dev.wsproxy.config.model.WebSocketRoute;
import dev.wsproxy.config.source.Span;
import dev.wsproxy.server.exchange.UpgradeRouting;
import dev.wsproxy.server.proxy.WebSocketRouting;
import dev.wsproxy.server.tls.PemTlsContextFactory;
import dev.wsproxy.server.tls.TlsLibrary;
import dev.wsproxy.tls.TestPki.Algorithm;
import dev.wsproxy.tls.TestPki.Issued;
import dev.wsproxy.tls.TestPki.KeyForm;
import dev.wsproxy.tls.OpenSslClient;
import dev.wsproxy.tls.TestPki;
import dev.wsproxy.tls.TlsProbe;
import dev.wsproxy.tools.echo.EchoServer;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real server with a {@code secure 1} listener and two vhosts with their own {@code vhssl}, each key in
 * another PEM form, against real TLS clients on loopback, with TLS through BoringSSL.
 */
class ServerTlsTest {
    private static TestPki pki;
    private static Issued listenerCert;
    private static Issued alphaCert;
    private static Issued betaCert;

    @TempDir
    Path root;

    @BeforeAll
    static void issue() {
        pki = TestPki.create("Server Test CA");
        listenerCert = pki.issue(Algorithm.RSA, "listener.test", "127.0.0.1");
        alphaCert = pki.issue(Algorithm.RSA, "localhost", "alpha.test");
        betaCert = pki.issue(Algorithm.EC, "beta.test", "www.beta.test");
    }

    @Test
    void eachSniNameGetsItsVhostsCertificateAndEveryoneElseTheListeners() throws Exception {
        try (WsproxyServer server = start(0)) {
            int port = port(server);
            assertEquals(alphaCert.certificate(), TlsProbe.handshake(pki.clientContext(), port, "localhost").leaf());
            assertEquals(alphaCert.certificate(), TlsProbe.handshake(pki.clientContext(), port, "alpha.test").leaf());
            assertEquals(betaCert.certificate(), TlsProbe.handshake(pki.clientContext(), port, "beta.test").leaf());
            assertEquals(betaCert.certificate(), TlsProbe.handshake(pki.clientContext(), port, "www.beta.test").leaf());
            assertEquals(listenerCert.certificate(), TlsProbe.handshake(pki.clientContext(), port, "listener.test").leaf());
            assertEquals(listenerCert.certificate(), TlsProbe.handshake(pki.clientContext(), port, null).leaf());
        }
    }

    @Test
    void servesEachVhostsStaticFilesOverHttps() throws Exception {
        try (WsproxyServer server = start(0)) {
            HttpClient client = HttpClient.newBuilder().sslContext(pki.clientContext()).version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5)).build();
            HttpResponse<String> alpha = client.send(HttpRequest.newBuilder(URI.create("https://localhost:" + port(server) + "/"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, alpha.statusCode());
            assertEquals("alpha home\n", alpha.body());
            assertEquals(alphaCert.certificate(), alpha.sslSession().orElseThrow().getPeerCertificates()[0]);

            String beta = httpsGet(port(server), "beta.test", "/hello.txt");
            assertTrue(beta.startsWith("HTTP/1.1 200"), beta);
            assertTrue(beta.endsWith("beta says hello\n"), beta);
        }
    }

    @Test
    void offersHttp2ByAlpnOnlyWhenEnableSpdyAsks() throws Exception {
        HttpClient client = HttpClient.newBuilder().sslContext(pki.clientContext()).version(HttpClient.Version.HTTP_2)
                .connectTimeout(Duration.ofSeconds(5)).build();
        try (WsproxyServer h2 = start(4)) {
            HttpResponse<String> reply = client.send(HttpRequest.newBuilder(URI.create("https://localhost:" + port(h2) + "/"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(HttpClient.Version.HTTP_2, reply.version());
            assertEquals("alpha home\n", reply.body());
        }
        try (WsproxyServer plain = start(0)) {
            HttpResponse<String> reply = client.send(HttpRequest.newBuilder(URI.create("https://localhost:" + port(plain) + "/"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(HttpClient.Version.HTTP_1_1, reply.version());
        }
    }

    @Test
    void refusesATls11ClientHelloWithAProtocolVersionAlert() throws Exception {
        try (WsproxyServer server = start(0)) {
            byte[] tls11 = rawHandshakeReply(port(server), 0x0302);
            assertEquals(21, tls11[0], "an alert record");
            assertEquals(2, tls11[5], "fatal");
            assertEquals(70, tls11[6], "protocol_version");

            byte[] tls12 = rawHandshakeReply(port(server), 0x0303);
            assertEquals(22, tls12[0], "the same hello as TLS 1.2 is answered with a handshake record (ServerHello)");
        }
    }

    @Test
    void wssEchoesThroughTheTunnelToTcpAndUnixBackends() throws Exception {
        Path socket = root.resolve("echo.sock");
        try (EchoServer echo = EchoServer.start(List.of(new BackendAddress.Tcp("127.0.0.1:0", "127.0.0.1", 0),
                new BackendAddress.Unix("unix:" + socket, socket)), Set.of(), false)) {
            int echoPort = echo.tcpAddresses().get(0).getPort();
            // enableSpdy 12, the OLS default: h2 on the listener must not get in the way of WebSocket upgrades
            try (WsproxyServer server = start(12, route("/tcp/", new BackendAddress.Tcp("127.0.0.1:" + echoPort, "127.0.0.1", echoPort)),
                    route("/unix/", new BackendAddress.Unix("unix:" + socket, socket)))) {
                assertEquals("over tls to tcp", wssEcho(URI.create("wss://localhost:" + port(server) + "/tcp/"), "over tls to tcp"));
                assertEquals("over tls to unix", wssEcho(URI.create("wss://localhost:" + port(server) + "/unix/"), "over tls to unix"));
            }
        }
    }

    /**
     * Messages sent back to back over wss, from a few bytes to many TLS records each, all come back whole and in
     * order: the tunnel reads the TLS connection until a read comes up short, and the TLS layer runs it again for
     * records it decrypted but did not hand over yet.
     */
    @Test
    void wssCarriesBackToBackMessagesOfManyRecordsWhole() throws Exception {
        try (EchoServer echo = EchoServer.start(List.of(new BackendAddress.Tcp("127.0.0.1:0", "127.0.0.1", 0)),
                Set.of(), false)) {
            int echoPort = echo.tcpAddresses().get(0).getPort();
            try (WsproxyServer server = start(0, route("/tcp/", new BackendAddress.Tcp("127.0.0.1:" + echoPort,
                    "127.0.0.1", echoPort)))) {
                List<String> messages = new ArrayList<>();
                for (int i = 0; i < 60; i++) {
                    messages.add(String.valueOf((char) ('a' + i % 26)).repeat(1 + (i * 7919) % 70_000));
                }
                assertEquals(messages, wssEchoes(URI.create("wss://localhost:" + port(server) + "/tcp/"), messages));
            }
        }
    }

    @Test
    void theBackendIsToldTheClientCameOverHttps() throws Exception {
        try (ServerSocket backend = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            backend.setSoTimeout(10_000);
            int backendPort = backend.getLocalPort();
            try (WsproxyServer server = start(0, route("/ws/", new BackendAddress.Tcp("127.0.0.1:" + backendPort, "127.0.0.1", backendPort)))) {
                CompletableFuture<String> reply = CompletableFuture.supplyAsync(() -> upgradeHead(port(server), "/ws/"));
                try (Socket connection = backend.accept()) {
                    String head = RunningServer.readHead(connection.getInputStream());
                    assertTrue(head.contains("\r\nX-Forwarded-Proto: https\r\n"), head);
                    connection.getOutputStream().write("HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                assertTrue(reply.get(10, TimeUnit.SECONDS).startsWith("HTTP/1.1 403"), "the backend's answer reaches the client");
            }
        }
    }

    @Test
    void aBrokenKeyStopsStartUpWithTheListenerFileAndReason() throws Exception {
        Path key = Files.writeString(root.resolve("listener.key"), "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n");
        TlsSettings tls = new TlsSettings(key, listenerCert.writeCertificate(root.resolve("listener.crt")), Optional.empty(), 0,
                Optional.empty(), 0, Span.at(root.resolve("conf/httpd_config.conf"), 9, 5));
        ServerConfig config = Sites.server(root, List.of(listener(tls)), List.of());

        StartupException e = assertThrows(StartupException.class, () -> WsproxyServer.start(config,
                new ServerParts(UpgradeRouting.NONE, Optional.of(new PemTlsContextFactory(root, library()))), ListenerPorts.EPHEMERAL,
                System.err));

        assertEquals("listener SSL: conf/httpd_config.conf:9:5: listener.key: the private key is damaged or of an unsupported type",
                e.getMessage());
    }

    @Test
    void aClientResumesItsTls13SessionByTicketWithOlsDefaults() throws Exception {
        try (WsproxyServer server = start(0)) {
            Path session = root.resolve("session.pem");
            assertFalse(OpenSslClient.connect(port(server), "-tls1_3", session).resumed(), "the first connection is new");
            assertTrue(OpenSslClient.connect(port(server), "-tls1_3", session).resumed(), "the second resumes");
        }
    }

    @Test
    void theSessionCacheResumesTls12ClientsThatSendNoTicket() throws Exception {
        try (WsproxyServer server = start(0, new SessionResumption(true, 100, 300, false, 3600, Optional.empty()))) {
            Path session = root.resolve("session.pem");
            assertFalse(OpenSslClient.connect(port(server), "-tls1_2", session, "-no_ticket").resumed());
            assertTrue(OpenSslClient.connect(port(server), "-tls1_2", session, "-no_ticket").resumed());
        }
    }

    @Test
    void withTicketsAndTheCacheOffEveryConnectionShakesHandsAnew() throws Exception {
        assumeTrue(library() == TlsLibrary.BORINGSSL, "JSSE always keeps a cache and issues tickets");
        try (WsproxyServer server = start(0, new SessionResumption(false, 100, 300, false, 3600, Optional.empty()))) {
            Path session = root.resolve("session.pem");
            assertTrue(OpenSslClient.connect(port(server), "-tls1_3", session).established());
            assertFalse(OpenSslClient.connect(port(server), "-tls1_3", session).resumed());
            assertFalse(OpenSslClient.connect(port(server), "-tls1_2", root.resolve("tls12.pem")).resumed());
            assertFalse(OpenSslClient.connect(port(server), "-tls1_2", root.resolve("tls12.pem")).resumed());
        }
    }

    @Test
    void twoServersWithOneTicketKeyFileResumeEachOthersSessions() throws Exception {
        assumeTrue(library() == TlsLibrary.BORINGSSL, "JSSE keeps its own ticket keys");
        Path keyFile = Files.write(root.resolve("ticket.key"), new java.security.SecureRandom().generateSeed(48));
        SessionResumption shared = new SessionResumption(false, 100, 300, true, 3600, Optional.of(keyFile));
        Path session = root.resolve("session.pem");
        try (WsproxyServer first = start(0, shared)) {
            assertFalse(OpenSslClient.connect(port(first), "-tls1_3", session).resumed());
        }
        try (WsproxyServer second = start(0, shared)) {
            assertTrue(OpenSslClient.connect(port(second), "-tls1_3", session).resumed(), "the second server decrypts the ticket");
        }
        try (WsproxyServer own = start(0)) {
            assertFalse(OpenSslClient.connect(port(own), "-tls1_3", session).resumed(), "a server with keys of its own cannot");
        }
    }

    @Test
    void aTicketKeyFileOfTheWrongSizeStopsStartUp() throws Exception {
        assumeTrue(library() == TlsLibrary.BORINGSSL, "JSSE keeps its own ticket keys");
        Path keyFile = Files.write(root.resolve("ticket.key"), new byte[32]);
        StartupException e = assertThrows(StartupException.class,
                () -> start(0, new SessionResumption(false, 100, 300, true, 3600, Optional.of(keyFile))));
        assertTrue(e.getMessage().contains("ticket.key has 32 bytes; it must have 48"), e.getMessage());
    }

    private WsproxyServer start(int enableSpdy, WebSocketRoute... alphaRoutes) throws Exception {
        return start(enableSpdy, SessionResumption.OLS_DEFAULT, alphaRoutes);
    }

    WsproxyServer start(int enableSpdy, SessionResumption resumption, WebSocketRoute... alphaRoutes) throws Exception {
        VirtualHost alpha = site("alpha", "localhost", alphaCert, KeyForm.TRADITIONAL, "index.html", "alpha home\n", alphaRoutes);
        VirtualHost beta = site("beta", "beta.test", betaCert, KeyForm.TRADITIONAL, "hello.txt", "beta says hello\n");
        TlsSettings tls = new TlsSettings(listenerCert.writeKey(root.resolve("listener.key"), KeyForm.PKCS8),
                listenerCert.writeCertificate(root.resolve("listener.crt")), Optional.empty(), 0, Optional.empty(), enableSpdy, resumption,
                Span.none());
        ServerConfig config = Sites.server(root, List.of(listener(tls, Sites.map("localhost", "alpha"), Sites.map("alpha.test", "alpha"),
                Sites.map("beta.test", "beta"))), List.of(alpha, beta));
        return WsproxyServer.start(config, new ServerParts(new WebSocketRouting(), Optional.of(new PemTlsContextFactory(root, library()))),
                ListenerPorts.EPHEMERAL, System.err);
    }

    /** The implementation under test; {@link ServerTlsJsseTest} runs every case again on JSSE. */
    TlsLibrary library() {
        return TlsLibrary.BORINGSSL;
    }

    private VirtualHost site(String name, String domain, Issued cert, KeyForm form, String file, String content,
                             WebSocketRoute... routes) throws IOException {
        Path vhRoot = Files.createDirectories(root.resolve(name));
        Files.createDirectories(vhRoot.resolve("html"));
        Files.writeString(vhRoot.resolve("html").resolve(file), content);
        VirtualHost plain = Sites.vhost(name, vhRoot, Sites.files("/", vhRoot.resolve("html")));
        TlsSettings vhssl = new TlsSettings(cert.writeKey(vhRoot.resolve(name + ".key"), form), cert.writeCertificate(vhRoot.resolve(name + ".crt")),
                Optional.empty(), 0, Optional.empty(), 0, Span.none());
        return new VirtualHost(plain.name(), plain.vhRoot(), plain.docRoot(), domain, plain.aliases(), plain.symlinks(),
                plain.scripts(), plain.accessControl(), plain.errorPages(), plain.accessLog(), plain.contexts(), List.of(routes), Optional.of(vhssl),
                plain.span());
    }

    private static Listener listener(TlsSettings tls, HostMapping... mappings) {
        return new Listener("SSL", new ListenAddress("127.0.0.1:0", "127.0.0.1", 0), true, Optional.of(tls), List.of(mappings),
                Span.none());
    }

    static int port(WsproxyServer server) {
        return server.listeners().get(0).address().getPort();
    }

    private static WebSocketRoute route(String uri, BackendAddress backend) {
        return new WebSocketRoute(new ContextUri.Prefix(uri, uri), backend, Duration.ZERO, Span.none());
    }

    /** Opens a wss connection with the JDK client (trusting the test CA), sends one text message and returns the echo. */
    private static String wssEcho(URI uri, String message) throws Exception {
        return wssEchoes(uri, List.of(message)).get(0);
    }

    /** Sends {@code messages} back to back over one wss connection; returns the messages echoed, in order. */
    private static List<String> wssEchoes(URI uri, List<String> messages) throws Exception {
        CompletableFuture<List<String>> echoed = new CompletableFuture<>();
        WebSocket socket = HttpClient.newBuilder().sslContext(pki.clientContext()).build().newWebSocketBuilder()
                .buildAsync(uri, new WebSocket.Listener() {
                    private final List<String> received = new ArrayList<>();
                    private final StringBuilder text = new StringBuilder();

                    @Override
                    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                        text.append(data);
                        if (last) {
                            received.add(text.toString());
                            text.setLength(0);
                            if (received.size() == messages.size()) {
                                echoed.complete(received);
                            }
                        }
                        webSocket.request(1);
                        return null;
                    }
                }).get(10, TimeUnit.SECONDS);
        try {
            for (String message : messages) {
                socket.sendText(message, true).get(10, TimeUnit.SECONDS);
            }
            return echoed.get(20, TimeUnit.SECONDS);
        } finally {
            socket.abort();
        }
    }

    /** GET over an SSLSocket that sends {@code host} as SNI and as the Host header; the whole reply. */
    private static String httpsGet(int port, String host, String path) throws IOException {
        try (SSLSocket socket = tlsTo(port, host)) {
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            ByteArrayOutputStream reply = new ByteArrayOutputStream();
            socket.getInputStream().transferTo(reply);
            return reply.toString(StandardCharsets.ISO_8859_1);
        }
    }

    /** A WebSocket upgrade request for {@code path} over TLS to localhost; the head of the reply. */
    private static String upgradeHead(int port, String path) {
        try (SSLSocket socket = tlsTo(port, "localhost")) {
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            return RunningServer.readHead(socket.getInputStream());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static SSLSocket tlsTo(int port, String sni) throws IOException {
        SSLSocket socket = (SSLSocket) pki.clientContext().getSocketFactory().createSocket();
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
        socket.setSoTimeout(10_000);
        SSLParameters parameters = socket.getSSLParameters();
        parameters.setServerNames(List.of(new SNIHostName(sni)));
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        socket.setSSLParameters(parameters);
        return socket;
    }

    /**
     * Sends a minimal ClientHello of the given version by hand (the JDK's own client refuses to offer TLS 1.1,
     * so it could not show that the server refuses it) and returns the first 7 bytes of the answer.
     */
    private static byte[] rawHandshakeReply(int port, int version) throws IOException {
        ByteArrayOutputStream hello = new ByteArrayOutputStream();
        hello.write(version >> 8);
        hello.write(version);
        hello.writeBytes(new byte[32]); // client random
        hello.write(0); // no session id
        hello.writeBytes(new byte[] {0, 2, 0x00, 0x2f}); // one suite: TLS_RSA_WITH_AES_128_CBC_SHA, fine in 1.1 and 1.2
        hello.writeBytes(new byte[] {1, 0}); // compression: null only
        byte[] body = hello.toByteArray();
        ByteArrayOutputStream record = new ByteArrayOutputStream();
        record.writeBytes(new byte[] {22, 3, 1}); // handshake record, TLS 1.0 record version as clients send
        int handshakeLength = body.length + 4;
        record.write(handshakeLength >> 8);
        record.write(handshakeLength);
        record.writeBytes(new byte[] {1, 0, (byte) (body.length >> 8), (byte) body.length}); // ClientHello
        record.writeBytes(body);
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(5_000);
            socket.getOutputStream().write(record.toByteArray());
            InputStream in = socket.getInputStream();
            byte[] reply = new byte[7];
            new DataInputStream(in).readFully(reply);
            assertFalse(reply[0] == 0, "the server answered");
            return reply;
        }
    }
}
