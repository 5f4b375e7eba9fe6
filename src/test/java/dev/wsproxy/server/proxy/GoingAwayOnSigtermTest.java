package dev.wsproxy.server.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.newsclub.net.unix.AFUNIXServerSocket;
import org.newsclub.net.unix.AFUNIXSocketAddress;

/**
 * SIGTERM to a real wsproxy process with 100 open tunnels, half to a TCP backend and half to a Unix-socket one:
 * every client and every backend gets a close frame with 1001, and every tunnel writes its access-log line. Once
 * with the JDK internals open (the tunnel loops), once without (XNIO), as a JVM started without the jar's manifest
 * runs it.
 */
class GoingAwayOnSigtermTest {

    private static final int TUNNELS_PER_BACKEND = 50;
    private static final String GOING_AWAY_LOGGED = " error=\"server stopping: closed with 1001 (going away)\"";

    @TempDir
    Path root;

    /** A backend that greets each tunnel with one text frame, queues the close frame it gets, and answers it. */
    private static Raw.Backend.Script greetingThenClose(BlockingQueue<Raw.Frame> closes) {
        return (socket, in, out) -> {
            String request = Raw.readRequest(in);
            out.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Accept: " + Raw.acceptFor(request) + "\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.write(Raw.serverText("ready"));
            Raw.Frame close = Raw.readFrame(in);
            closes.add(close);
            out.write(Raw.close(close.closeCode(), false));
            in.read();
        };
    }

    @ParameterizedTest(name = "JDK internals open: {0}")
    @ValueSource(booleans = {true, false})
    void everyClientAndBackendGets1001AndEveryTunnelIsLogged(boolean internalsOpen) throws Exception {
        BlockingQueue<Raw.Frame> tcpCloses = new LinkedBlockingQueue<>();
        BlockingQueue<Raw.Frame> unixCloses = new LinkedBlockingQueue<>();
        Path socket = root.resolve("backend.sock");
        ServerSocket unixServer = AFUNIXServerSocket.newInstance();
        unixServer.bind(AFUNIXSocketAddress.of(socket));
        try (Raw.Backend tcp = new Raw.Backend(greetingThenClose(tcpCloses));
             Raw.Backend unix = new Raw.Backend(unixServer, greetingThenClose(unixCloses))) {
            int port = freePort();
            Path config = ProxyConfigTree.write(root, "127.0.0.1:" + port,
                    "/tcp/", Front.tcp(tcp.address()).text(), "/unix/", "unix:" + socket);
            Process serve = start(config, internalsOpen);
            try {
                awaitOutput("wsproxy: serving");
                List<WsClient> clients = new ArrayList<>();
                for (String route : List.of("/tcp/", "/unix/")) {
                    for (int i = 0; i < TUNNELS_PER_BACKEND; i++) {
                        WsClient client = WsClient.connect(URI.create("ws://127.0.0.1:" + port + route));
                        assertEquals("ready", client.next().text());
                        clients.add(client);
                    }
                }
                serve.toHandle().destroy();
                assertTrue(serve.waitFor(30, TimeUnit.SECONDS), "stopped on SIGTERM");
                assertEquals(0, serve.exitValue());
                for (WsClient client : clients) {
                    WsClient.Event close = client.next();
                    assertEquals("close", close.kind());
                    assertEquals(1001, close.code());
                }
            } finally {
                serve.destroyForcibly();
            }
            assertEveryBackendGotAMasked1001(tcpCloses);
            assertEveryBackendGotAMasked1001(unixCloses);
        }
        List<String> tunnelLines = Files.readAllLines(root.resolve("logs/access.log")).stream()
                .filter(line -> line.contains(" 101 ")).toList();
        assertEquals(2 * TUNNELS_PER_BACKEND, tunnelLines.size(), tunnelLines.toString());
        assertTrue(tunnelLines.stream().allMatch(line -> line.endsWith(GOING_AWAY_LOGGED)), tunnelLines.toString());
        String errorLog = Files.readString(root.resolve("logs/error.log"));
        assertTrue(errorLog.contains("closing 100 WebSocket tunnel(s)"), errorLog);
        assertTrue(errorLog.contains("WebSocket tunnels closed: 100 with a closing handshake"), errorLog);
        assertEquals(!internalsOpen, errorLog.contains("WebSocket tunnels run on XNIO"), errorLog);
    }

    private static void assertEveryBackendGotAMasked1001(BlockingQueue<Raw.Frame> closes) {
        assertEquals(TUNNELS_PER_BACKEND, closes.size());
        for (Raw.Frame close : closes) {
            assertEquals(Raw.Frame.CLOSE, close.opcode());
            assertTrue(close.masked());
            assertEquals(1001, close.closeCode());
        }
    }

    /** wsproxy on the tests' class path, in a JVM of its own; its output goes to a file beside the config. */
    private Process start(Path config, boolean internalsOpen) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString()));
        if (internalsOpen) {
            command.add("--add-opens=java.base/sun.nio.ch=ALL-UNNAMED");
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.wsproxy.cli.Main",
                "-c", config.toString()));
        return new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true)
                .redirectOutput(root.resolve("output.txt").toFile()).start();
    }

    private void awaitOutput(String text) throws Exception {
        Path output = root.resolve("output.txt");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!(Files.exists(output) && Files.readString(output).contains(text))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no \"" + text + "\" within 60 s:\n" + Files.readString(output));
            }
            Thread.sleep(50);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }
}
