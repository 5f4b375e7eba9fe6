package dev.wsproxy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wsproxy.config.model.BackendAddress;
import dev.wsproxy.server.proxy.WsClient;
import dev.wsproxy.tls.TestPki.Algorithm;
import dev.wsproxy.tls.TestPki.Issued;
import dev.wsproxy.tls.TestPki.KeyForm;
import dev.wsproxy.tls.TestPki;
import dev.wsproxy.tools.echo.EchoServer;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code wsproxy -c} reloading its config in place on SIGHUP and SIGUSR1, with a WebSocket tunnel open throughout. */
class ReloadCommandTest {

    private static final TestPki CA = TestPki.create("Reload CA");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path root;

    private EchoServer echo;
    private Process process;

    @BeforeEach
    void startEcho() throws Exception {
        echo = EchoServer.start(List.of(new BackendAddress.Tcp("127.0.0.1:0", "127.0.0.1", 0)), Set.of(), false);
        Files.createDirectories(root.resolve("site/one"));
        Files.createDirectories(root.resolve("site/two"));
        Files.writeString(root.resolve("site/one/index.html"), "one");
        Files.writeString(root.resolve("site/two/index.html"), "two");
        Files.createDirectories(root.resolve("conf"));
        Files.writeString(root.resolve("conf/mime.properties"), "html = text/html\n");
    }

    @AfterEach
    void stop() {
        if (process != null) {
            process.destroyForcibly();
        }
        echo.close();
    }

    /** The config, with the vhost serving {@code docRoot} and one plain listener per port in {@code plainPorts}. */
    private Path writeConfig(String docRoot, int securePort, String extraVhostLines, int... plainPorts) throws IOException {
        StringBuilder text = new StringBuilder(String.join("\n",
                ServedTree.serverLines(),
                "virtualhost site {",
                "  vhRoot site/",
                "  docRoot $VH_ROOT/" + docRoot + "/",
                "  vhDomain localhost",
                extraVhostLines,
                "  websocket /ws/ {",
                "    address 127.0.0.1:" + echo.tcpAddresses().get(0).getPort(),
                "  }",
                "}",
                "listener ssl {",
                "  address 127.0.0.1:" + securePort,
                "  secure 1",
                "  keyFile conf/key.pem",
                "  certFile conf/cert.pem",
                "  map site *",
                "}",
                ""));
        for (int port : plainPorts) {
            text.append(String.join("\n", "listener p" + port + " {", "  address 127.0.0.1:" + port, "  map site *", "}", ""));
        }
        return Files.writeString(root.resolve("conf/httpd_config.conf"), text);
    }

    private Issued certificate() {
        Issued issued = CA.issue(Algorithm.EC, "localhost", "127.0.0.1");
        issued.writeCertificate(root.resolve("conf/cert.pem"));
        issued.writeKey(root.resolve("conf/key.pem"), KeyForm.PKCS8);
        return issued;
    }

    private void start(Path config) throws IOException {
        process = WsproxyProcess.start(root, "-c", config.toString());
        WsproxyProcess.linesUntil(WsproxyProcess.output(process), "wsproxy: serving");
    }

    private void signal(String name) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start();
        assertEquals(0, kill.waitFor(), "kill -" + name);
    }

    /** Sends {@code signal} and waits for the error log line that ends the reload it starts. */
    private String reloadOn(String signal, String outcome) throws Exception {
        Path errorLog = root.resolve("logs/error.log");
        long before = count(errorLog, outcome);
        signal(signal);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (count(errorLog, outcome) == before) {
            assertTrue(System.nanoTime() < deadline, () -> "no \"" + outcome + "\" within 30 s");
            Thread.sleep(50);
        }
        return Files.readString(errorLog);
    }

    private static long count(Path file, String text) throws IOException {
        return Files.exists(file) ? Files.readAllLines(file).stream().filter(line -> line.contains(text)).count() : 0;
    }

    private static String get(int port) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private static X509Certificate presented(int port) throws Exception {
        try (SSLSocket socket = (SSLSocket) CA.clientContext().getSocketFactory().createSocket("127.0.0.1", port)) {
            socket.startHandshake();
            return (X509Certificate) socket.getSession().getPeerCertificates()[0];
        }
    }

    @Test
    void aTunnelEchoesAcrossReloadsThatChangeDocRootListenersAndCertificate() throws Exception {
        int main = Loopback.freePort("127.0.0.1");
        int secure = Loopback.freePort("127.0.0.1");
        int removed = Loopback.freePort("127.0.0.1");
        int added = Loopback.freePort("127.0.0.1");
        Issued first = certificate();
        start(writeConfig("one", secure, "", main, removed));
        WsClient tunnel = WsClient.connect(URI.create("ws://127.0.0.1:" + main + "/ws/"));
        assertEquals("before", tunnel.echoText("before"));
        assertEquals("one", get(removed));
        assertEquals(first.certificate(), presented(secure));

        Issued renewed = certificate();
        writeConfig("two", secure, "", main, added);
        String log = reloadOn("HUP", "reloaded:");

        assertTrue(log.contains("reloaded: vhosts changed [site]; listeners added [p" + added + "], removed [p" + removed
                + "]; certificates read again for listeners [ssl]; logs reopened"), log);
        assertEquals("two", get(main));
        assertEquals("two", get(added));
        assertThrows(ConnectException.class, () -> new Socket("127.0.0.1", removed).close(), "the removed listener is closed");
        assertEquals(renewed.certificate(), presented(secure));
        assertEquals("after HUP", tunnel.echoText("after HUP"));

        writeConfig("one", secure, "", main, added);
        reloadOn("USR1", "reloaded:");

        assertEquals("one", get(main));
        assertEquals("after USR1", tunnel.echoText("after USR1"));
        WsproxyProcess.sigterm(process);
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue());
    }

    @Test
    void aBrokenConfigOnReloadKeepsTheOldOneAndLogsTheErrorWithItsLine() throws Exception {
        int main = Loopback.freePort("127.0.0.1");
        certificate();
        start(writeConfig("one", Loopback.freePort("127.0.0.1"), "", main));

        Path config = writeConfig("two", Loopback.freePort("127.0.0.1"), "  context /gone/ {\n    location /no/such/dir/\n  }",
                main);
        String log = reloadOn("HUP", "reload refused");

        int line = Files.readAllLines(config).indexOf("    location /no/such/dir/") + 1;
        assertTrue(log.contains("httpd_config.conf:" + line + ":"), "the error names its line " + line + ":\n" + log);
        assertTrue(log.contains("still serving the config loaded before"), log);
        assertFalse(log.contains("reloaded:"), log);
        assertEquals("one", get(main));
    }

    @Test
    void logsMovedAwayAreWrittenAnewAfterAReload() throws Exception {
        int main = Loopback.freePort("127.0.0.1");
        certificate();
        Path config = writeConfig("one", Loopback.freePort("127.0.0.1"), "", main);
        start(config);
        get(main);
        Path logs = root.resolve("logs");
        Thread.sleep(300);
        Files.move(logs.resolve("access.log"), logs.resolve("access.log.1"));
        Files.move(logs.resolve("error.log"), logs.resolve("error.log.1"));

        reloadOn("HUP", "reloaded:");
        get(main);
        WsproxyProcess.sigterm(process);
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));

        assertTrue(Files.readString(logs.resolve("error.log")).contains("reloaded: vhosts unchanged; listeners unchanged"),
                "the reload's line goes to the new error log");
        assertEquals(1, Files.readAllLines(logs.resolve("access.log")).size(), "the request after the reload, in the new file");
        assertEquals(1, Files.readAllLines(logs.resolve("access.log.1")).size(), "the request before, in the moved file");
        assertTrue(Files.readString(logs.resolve("error.log.1")).contains("reloading "), "written until the reopen");
    }
}
