package dev.wsproxy.server.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wsproxy.config.model.AccessControl;
import dev.wsproxy.config.model.HostMapping;
import dev.wsproxy.config.model.ListenAddress;
import dev.wsproxy.config.model.Listener;
import dev.wsproxy.config.model.ScriptHandlers;
import dev.wsproxy.config.model.SymlinkPolicy;
import dev.wsproxy.config.model.TlsSettings;
import dev.wsproxy.config.model.VirtualHost;
import dev.wsproxy.config.source.Span;
import dev.wsproxy.server.TlsContextFactory.TlsSetupException;
import dev.wsproxy.tls.TestPki.Algorithm;
import dev.wsproxy.tls.TestPki.Issued;
import dev.wsproxy.tls.TestPki.KeyForm;
import dev.wsproxy.tls.TestPki;
import dev.wsproxy.tls.TlsProbe;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLEngineResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The TLS context a secure listener gets, exercised by real handshakes on loopback through BoringSSL: a server
 * that drives the context's engines stands in for Undertow here; ServerTlsTest drives the real server.
 */
class PemTlsContextFactoryTest {
    private static TestPki pki;
    private static Issued listenerCert;
    private static Issued alphaCert;
    private static Issued betaCert;

    @TempDir
    Path dir;

    @BeforeAll
    static void issue() {
        pki = TestPki.create("Factory Test CA");
        listenerCert = pki.issue(Algorithm.RSA, "listener.test", "127.0.0.1");
        alphaCert = pki.issue(Algorithm.RSA, "alpha.test", "www.alpha.test", "alias.alpha.test");
        betaCert = pki.issue(Algorithm.EC, "beta.test", "*.beta.test");
    }

    @Test
    void servesEachVhostsCertificateBySniAndTheListenersToEveryoneElse() throws Exception {
        SSLContext server = factory().create(listener(0, null, mapping("alpha.test", "alpha"), mapping("*.beta.test", "beta"),
                mapping("*", "plain")), List.of(
                vhost("alpha", "alpha.test", List.of("alias.alpha.test"), settings(alphaCert, KeyForm.TRADITIONAL, 0, null)),
                vhost("beta", "beta.test", List.of(), settings(betaCert, KeyForm.TRADITIONAL, 0, null)),
                vhost("plain", "plain.test", List.of(), null)));

        try (Acceptor acceptor = new Acceptor(server)) {
            SSLContext client = pki.clientContext();
            assertEquals("alpha.test", TlsProbe.handshake(client, acceptor.port(), "alpha.test").commonName());
            assertEquals("alpha.test", TlsProbe.handshake(client, acceptor.port(), "www.alpha.test").commonName(), "www. is ignored as OLS does");
            assertEquals("alpha.test", TlsProbe.handshake(client, acceptor.port(), "alias.alpha.test").commonName(), "vhAliases count");
            assertEquals("beta.test", TlsProbe.handshake(client, acceptor.port(), "x.beta.test").commonName(), "map globs count");
            assertEquals("beta.test", TlsProbe.handshake(client, acceptor.port(), "beta.test").commonName(), "vhDomain counts");
            assertEquals("listener.test", TlsProbe.handshake(client, acceptor.port(), "plain.test").commonName(), "a vhost without vhssl");
            assertEquals("listener.test", TlsProbe.handshake(client, acceptor.port(), "listener.test").commonName(), "an unknown name");
            assertEquals("listener.test", TlsProbe.handshake(client, acceptor.port(), null).commonName(), "no SNI at all");
        }
    }

    @Test
    void offersTls12And13ByDefaultAndOnlyWhatSslProtocolAsks() throws Exception {
        SSLEngine byDefault = factory().create(listener(0, null), List.of()).createSSLEngine();
        assertEquals(List.of("TLSv1.3", "TLSv1.2"), List.of(byDefault.getEnabledProtocols()));

        SSLContext tls12Only = factory().create(listener(8, null), List.of());
        try (Acceptor acceptor = new Acceptor(tls12Only)) {
            assertEquals("TLSv1.2", TlsProbe.handshake(pki.clientContext(), acceptor.port(), null).protocol());
            assertThrows(SSLException.class, () -> TlsProbe.handshake(pki.clientContext(), acceptor.port(), null, "TLSv1.3"));
        }
    }

    @Test
    void appliesAnOpenSslCipherListToTls12() throws Exception {
        SSLContext server = factory().create(listener(8, "ECDHE-RSA-AES128-GCM-SHA256:!aNULL:!MD5"), List.of());

        try (Acceptor acceptor = new Acceptor(server)) {
            assertEquals("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
                    TlsProbe.handshake(pki.clientContext(), acceptor.port(), null).cipherSuite());
        }
    }

    @Test
    void aKeyThatIsNotTheCertificatesStopsStartUpNamingBothFiles() {
        TlsSettings mixed = new TlsSettings(alphaCert.writeKey(dir.resolve("alpha.key"), KeyForm.PKCS8),
                listenerCert.writeCertificate(dir.resolve("listener.crt")), Optional.empty(), 0, Optional.empty(), 0, span());
        Listener listener = new Listener("SSL", new ListenAddress("*:443", "0.0.0.0", 443), true, Optional.of(mixed), List.of(), span());

        TlsSetupException e = assertThrows(TlsSetupException.class, () -> factory().create(listener, List.of()));

        assertTrue(e.getMessage().startsWith("httpd_config.conf:7:1: alpha.key: the private key does not belong"),
                e.getMessage());
        assertTrue(e.getMessage().contains("listener.crt"), e.getMessage());
    }

    @Test
    void aBrokenVhsslStopsStartUpNamingTheVhostAndFile() throws Exception {
        Path key = Files.writeString(dir.resolve("beta.key"), "not a key");
        TlsSettings broken = new TlsSettings(key, betaCert.writeCertificate(dir.resolve("beta.crt")), Optional.empty(), 0,
                Optional.empty(), 0, span());

        TlsSetupException e = assertThrows(TlsSetupException.class, () -> factory().create(listener(0, null),
                List.of(vhost("beta", "beta.test", List.of(), broken))));

        assertTrue(e.getMessage().startsWith("vhssl of virtual host beta (httpd_config.conf:7:1): beta.key: no PEM data"), e.getMessage());
    }

    @Test
    void aCipherListJavaCannotServeAndAnEmptyProtocolMaskAreStartUpErrors() {
        TlsSetupException ciphers = assertThrows(TlsSetupException.class, () -> factory().create(listener(0, "CAMELLIA:IDEA"), List.of()));
        assertTrue(ciphers.getMessage().contains("selects no cipher suite"), ciphers.getMessage());

        TlsSetupException protocols = assertThrows(TlsSetupException.class, () -> factory().create(listener(32, null), List.of()));
        assertTrue(protocols.getMessage().contains("sslProtocol 32"), protocols.getMessage());
    }

    @Test
    void aChainFileIsSentAfterTheCertificate() throws Exception {
        TestPki intermediate = pki.intermediate("Factory Intermediate");
        Issued leaf = intermediate.issue(Algorithm.EC, "chained.test");
        TlsSettings tls = new TlsSettings(leaf.writeKey(dir.resolve("chained.key"), KeyForm.PKCS8),
                leaf.writeCertificate(dir.resolve("chained.crt")), Optional.of(leaf.writeIntermediates(dir.resolve("chain.pem"))), 0,
                Optional.empty(), 0, span());
        Listener listener = new Listener("SSL", new ListenAddress("*:443", "0.0.0.0", 443), true, Optional.of(tls), List.of(), span());

        try (Acceptor acceptor = new Acceptor(factory().create(listener, List.of()))) {
            assertEquals("chained.test", TlsProbe.handshake(pki.clientContext(), acceptor.port(), "chained.test").commonName(),
                    "the client trusts only the root, so it needed the intermediate from CACertFile");
        }
    }

    private PemTlsContextFactory factory() {
        return new PemTlsContextFactory(dir, library());
    }

    /** The implementation under test; {@link PemTlsContextFactoryJsseTest} runs every case again on JSSE. */
    TlsLibrary library() {
        return TlsLibrary.BORINGSSL;
    }

    private Span span() {
        return Span.at(dir.resolve("httpd_config.conf"), 7, 1);
    }

    private TlsSettings settings(Issued issued, KeyForm form, int sslProtocol, String ciphers) {
        String name = issued.certificate().getSerialNumber().toString();
        return new TlsSettings(issued.writeKey(dir.resolve(name + ".key"), form), issued.writeCertificate(dir.resolve(name + ".crt")),
                Optional.empty(), sslProtocol, Optional.ofNullable(ciphers), 0, span());
    }

    private Listener listener(int sslProtocol, String ciphers, HostMapping... mappings) {
        return new Listener("SSL", new ListenAddress("*:443", "0.0.0.0", 443), true,
                Optional.of(settings(listenerCert, KeyForm.PKCS8, sslProtocol, ciphers)), List.of(mappings), span());
    }

    private HostMapping mapping(String domain, String vhost) {
        return new HostMapping(domain, vhost, span());
    }

    private VirtualHost vhost(String name, String domain, List<String> aliases, TlsSettings vhssl) {
        return new VirtualHost(name, dir, dir, domain, aliases, SymlinkPolicy.OLS_DEFAULT, ScriptHandlers.NONE,
                AccessControl.ALLOW_ALL, Map.of(), Optional.empty(), List.of(), List.of(), Optional.ofNullable(vhssl), span());
    }

    /**
     * A server that completes each handshake with an engine of the listener's context, as Undertow does, and hangs
     * up. One connection at a time, on blocking channels.
     */
    private static final class Acceptor implements AutoCloseable {
        private static final ByteBuffer NOTHING = ByteBuffer.allocate(0);
        private final SSLContext context;
        private final ServerSocketChannel socket;
        private final Thread thread;

        Acceptor(SSLContext context) throws IOException {
            this.context = context;
            socket = ServerSocketChannel.open().bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            thread = new Thread(this::serve, "tls-acceptor");
            thread.start();
        }

        int port() {
            return socket.socket().getLocalPort();
        }

        private void serve() {
            while (socket.isOpen()) {
                try (SocketChannel connection = socket.accept()) {
                    connection.socket().setSoTimeout(5_000);
                    SSLEngine engine = context.createSSLEngine();
                    engine.setUseClientMode(false);
                    shakeHands(connection, engine);
                } catch (IOException e) {
                    // a refused handshake is what some tests want; the client side asserts on it
                }
            }
        }

        private static void shakeHands(SocketChannel connection, SSLEngine engine) throws IOException {
            ByteBuffer in = ByteBuffer.allocate(1 << 17);
            ByteBuffer out = ByteBuffer.allocate(1 << 17);
            ByteBuffer plain = ByteBuffer.allocate(1 << 17);
            engine.beginHandshake();
            while (true) {
                switch (engine.getHandshakeStatus()) {
                    case NEED_WRAP -> {
                        out.clear();
                        SSLEngineResult result = engine.wrap(NOTHING, out);
                        out.flip();
                        while (out.hasRemaining()) {
                            connection.write(out);
                        }
                        if (result.getStatus() == SSLEngineResult.Status.CLOSED) {
                            return;
                        }
                    }
                    case NEED_UNWRAP, NEED_UNWRAP_AGAIN -> {
                        in.flip();
                        SSLEngineResult result = engine.unwrap(in, plain);
                        in.compact();
                        if (result.getStatus() == SSLEngineResult.Status.BUFFER_UNDERFLOW && connection.read(in) < 0) {
                            return;
                        }
                    }
                    case NEED_TASK -> engine.getDelegatedTask().run();
                    default -> {
                        return;
                    }
                }
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            assertFalse(thread.isAlive());
        }
    }
}
