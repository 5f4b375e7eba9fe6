package dev.wsproxy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.wsproxy.tls.TestPki;
import dev.wsproxy.tls.TestPki.Algorithm;
import dev.wsproxy.tls.TestPki.Issued;
import dev.wsproxy.tls.TestPki.KeyForm;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A TLS 1.2 client that asks to renegotiate is refused: renegotiation makes the server redo its key exchange on
 * demand, and one connection could cost seconds of CPU. wsproxy runs as its own process here, since the JDK reads
 * the setting once, when its TLS classes load.
 */
class TlsRenegotiationTest {

    @TempDir
    Path root;

    @Test
    void aClientInitiatedRenegotiationIsRefusedAndTheServerServesOn() throws Exception {
        TestPki pki = TestPki.create("Renegotiation CA");
        Issued cert = pki.issue(Algorithm.EC, "localhost");
        Files.createDirectories(root.resolve("conf"));
        Files.createDirectories(root.resolve("site/html"));
        Files.writeString(root.resolve("site/html/index.html"), "home");
        Files.writeString(root.resolve("conf/mime.properties"), "html = text/html\n");
        cert.writeCertificate(root.resolve("conf/cert.pem"));
        cert.writeKey(root.resolve("conf/key.pem"), KeyForm.PKCS8);
        int port = Loopback.freePort("127.0.0.1");
        Path config = Files.writeString(root.resolve("conf/httpd_config.conf"), String.join("\n",
                "mime conf/mime.properties", "errorlog logs/error.log {", "}", "accesslog logs/access.log {", "}",
                "virtualhost site {", "  vhRoot site/", "  docRoot $VH_ROOT/html/", "  vhDomain localhost", "}",
                "listener ssl {", "  address 127.0.0.1:" + port, "  secure 1", "  keyFile conf/key.pem",
                "  certFile conf/cert.pem", "  map site *", "}", ""));
        Process process = WsproxyProcess.start(root, "-c", config.toString());
        try {
            WsproxyProcess.linesUntil(WsproxyProcess.output(process), "wsproxy: serving");
            try (SSLSocket socket = tls12(pki, port)) {
                socket.startHandshake();
                assertThrows(IOException.class, () -> {
                    socket.startHandshake();
                    get(socket);
                }, "the renegotiation is refused and the connection ends");
            }
            try (SSLSocket socket = tls12(pki, port)) {
                assertEquals("home", get(socket), "a client that does not renegotiate is served");
            }
        } finally {
            process.destroy();
            process.waitFor(20, TimeUnit.SECONDS);
            process.destroyForcibly();
        }
    }

    private static SSLSocket tls12(TestPki pki, int port) throws IOException {
        SSLSocket socket = (SSLSocket) pki.clientContext().getSocketFactory().createSocket("127.0.0.1", port);
        socket.setEnabledProtocols(new String[] {"TLSv1.2"});
        socket.setSoTimeout(10_000);
        return socket;
    }

    private static String get(SSLSocket socket) throws IOException {
        socket.getOutputStream().write("GET / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
                .getBytes(StandardCharsets.US_ASCII));
        InputStream in = socket.getInputStream();
        String reply = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        if (!reply.startsWith("HTTP/1.1 200 ")) {
            throw new IOException("not served: " + reply);
        }
        return reply.substring(reply.indexOf("\r\n\r\n") + 4);
    }
}
