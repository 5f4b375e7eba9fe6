package dev.wsproxy.server.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wsproxy.config.model.BackendAddress;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What reaches the backend, and what the client gets when the backend refuses, fails or stays silent. */
class TunnelHandshakeTest {

    private static final TunnelSettings SHORT = new TunnelSettings(Duration.ofMillis(800), Duration.ofMillis(800), true);

    @TempDir
    Path dir;

    @Test
    void forwardsTheRequestHeadUnchangedExceptTheForwardedHeaders() throws Exception {
        CompletableFuture<String> seen = new CompletableFuture<>();
        try (Raw.Backend backend = new Raw.Backend((socket, in, out) -> {
            seen.complete(Raw.readRequest(in));
            out.write(Raw.switching().getBytes(StandardCharsets.ISO_8859_1));
        });
             Front front = new Front(SHORT, Front.prefix("/echo", Front.tcp(backend.address())))) {
            String response = Raw.exchange(front, Raw.upgradeHead("/echo/%7Euser/a%20b?x=%41&y=1",
                    "x-Custom-B: kept", "X-Dup: one", "X-Dup: two", "X-Forwarded-For: 203.0.113.7",
                    "X-Forwarded-Host: evil.test", "X-Forwarded-Proto: https", "Sec-WebSocket-Protocol: chat"));
            assertTrue(response.startsWith("HTTP/1.1 101 "), response);
            String head = seen.get(5, TimeUnit.SECONDS);
            assertTrue(head.startsWith("GET /echo/%7Euser/a%20b?x=%41&y=1 HTTP/1.1\r\n"), head);
            assertTrue(head.contains("\r\nx-Custom-B: kept\r\n"), head);
            assertTrue(head.contains("\r\nX-Dup: one\r\nX-Dup: two\r\n"), head);
            assertTrue(head.contains("\r\nHost: front.test\r\n"), head);
            assertTrue(head.contains("\r\nSec-WebSocket-Key: " + Raw.KEY + "\r\n"), head);
            assertTrue(head.contains("\r\nSec-WebSocket-Protocol: chat\r\n"), head);
            assertTrue(head.contains("\r\nX-Forwarded-For: 203.0.113.7, 127.0.0.1\r\n"), head);
            assertTrue(head.contains("\r\nX-Forwarded-Proto: http\r\n"), head);
            assertTrue(head.contains("\r\nX-Forwarded-Host: front.test\r\n"), head);
            assertEquals(1, Raw.occurrences(head, "X-Forwarded-For"), head);
            assertTrue(!head.contains("evil.test") && !head.contains("https"), head);
        }
    }

    @Test
    void relaysThe101AsTheBackendWroteItsStatusLineAndHeaders() throws Exception {
        try (Raw.Backend backend = new Raw.Backend((socket, in, out) -> {
            Raw.readRequest(in);
            out.write(("HTTP/1.1 101 Web Socket Protocol Handshake\r\nupgrade: WebSocket\r\nconnection: upgrade\r\n"
                    + "Set-Cookie: a=1\r\nX-Mixed-Case: v\r\nSet-Cookie: b=2\r\nSec-WebSocket-Accept: xyz\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.write(in.read());
        });
             Front front = new Front(SHORT, Front.prefix("/ws", Front.tcp(backend.address())));
             Socket client = Raw.connect(front)) {
            Raw.send(client, Raw.upgradeHead("/ws"));
            String head = Raw.readHead(client.getInputStream());
            assertTrue(head.startsWith("HTTP/1.1 101 Web Socket Protocol Handshake\r\n"), head);
            for (String line : List.of("upgrade: WebSocket", "connection: upgrade", "X-Mixed-Case: v",
                    "Sec-WebSocket-Accept: xyz")) {
                assertEquals(1, Raw.occurrences(head, "\r\n" + line + "\r\n"), line + " once in " + head);
            }
            assertEquals(1, Raw.occurrences(head.toLowerCase(), "\r\nconnection:"), head);
            assertTrue(head.contains("\r\nSet-Cookie: a=1\r\nSet-Cookie: b=2\r\n"), head);
            assertTrue(head.contains("\r\nDate: "), "a proxy adds the Date the backend left out: " + head);
            Raw.send(client, "!");
            assertEquals("!", Raw.readExactly(client.getInputStream(), 1));
        }
    }

    @Test
    void relaysA101HeadThatComesInPiecesLongerThanTheFirstReadWithTheBytesAfterIt() throws Exception {
        String cookies = "Set-Cookie: c=" + "v".repeat(600) + "\r\nSet-Cookie: d=" + "w".repeat(600) + "\r\n";
        byte[] answer = ("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n" + cookies
                + "\r\nearly").getBytes(StandardCharsets.ISO_8859_1);
        try (Raw.Backend backend = new Raw.Backend((socket, in, out) -> {
            Raw.readRequest(in);
            out.write(answer, 0, 100);
            out.flush();
            Thread.sleep(100);
            out.write(answer, 100, answer.length - 100);
            out.write(in.read());
        });
             Front front = new Front(SHORT, Front.prefix("/ws", Front.tcp(backend.address())));
             Socket client = Raw.connect(front)) {
            Raw.send(client, Raw.upgradeHead("/ws"));
            String head = Raw.readHead(client.getInputStream());
            assertTrue(head.startsWith("HTTP/1.1 101 Switching Protocols\r\n"), head);
            assertTrue(head.contains("\r\n" + cookies), head);
            assertEquals("early", Raw.readExactly(client.getInputStream(), 5));
            Raw.send(client, "!");
            assertEquals("!", Raw.readExactly(client.getInputStream(), 1));
        }
    }

    @Test
    void relaysANon101AnswerWithItsBody() throws Exception {
        try (Raw.Backend backend = new Raw.Backend((socket, in, out) -> {
            Raw.readRequest(in);
            out.write(("HTTP/1.1 403 Not You\r\nX-Why: not you\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + "3\r\nden\r\n3\r\nied\r\n0\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            in.read();
        });
             Front front = new Front(SHORT, Front.prefix("/ws", Front.tcp(backend.address())));
             Socket client = Raw.connect(front)) {
            Raw.send(client, Raw.upgradeHead("/ws"));
            String head = Raw.readHead(client.getInputStream());
            assertTrue(head.startsWith("HTTP/1.1 403 Not You\r\n"), head);
            assertTrue(head.contains("X-Why: not you\r\n"), head);
            assertTrue(head.toLowerCase().contains("content-length: 6\r\n"), head);
            assertEquals("denied", Raw.readExactly(client.getInputStream(), 6));
            assertTrue(front.nextLogLine().contains("\" 403 6 "));
        }
    }

    @Test
    void refusedTcpBackendGets502() throws Exception {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0)) {
            closedPort = probe.getLocalPort();
        }
        try (Front front = new Front(SHORT,
                Front.prefix("/ws", new BackendAddress.Tcp("127.0.0.1:" + closedPort, "127.0.0.1", closedPort)))) {
            assertTrue(Raw.exchange(front, Raw.upgradeHead("/ws")).startsWith("HTTP/1.1 502 "));
            String line = front.nextLogLine();
            assertTrue(line.contains("\" 502 0 ") && line.contains("error=\""), line);
        }
    }

    @Test
    void missingUnixSocketGets502() throws Exception {
        try (Front front = new Front(SHORT, Front.prefix("/ws", Front.unix(dir.resolve("nobody.sock"))))) {
            assertTrue(Raw.exchange(front, Raw.upgradeHead("/ws")).startsWith("HTTP/1.1 502 "));
            assertTrue(front.nextLogLine().contains("nobody.sock"));
        }
    }

    @Test
    void aConnectThatHangsGets504() throws Exception {
        try (ServerSocket full = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            List<SocketChannel> fillers = new ArrayList<>();
            try {
                // nobody accepts: once the backlog is full, further SYNs go unanswered and connects hang
                for (int i = 0; i < 8; i++) {
                    SocketChannel filler = SocketChannel.open();
                    filler.configureBlocking(false);
                    filler.connect(full.getLocalSocketAddress());
                    fillers.add(filler);
                }
                Thread.sleep(200);
                try (Front front = new Front(SHORT, Front.prefix("/ws", Front.tcp(
                        (InetSocketAddress) full.getLocalSocketAddress())))) {
                    assertTrue(Raw.exchange(front, Raw.upgradeHead("/ws")).startsWith("HTTP/1.1 504 "));
                    String line = front.nextLogLine();
                    assertTrue(line.contains("\" 504 0 ") && line.contains("error=\"no connection within 800 ms\""),
                            line);
                }
            } finally {
                for (SocketChannel filler : fillers) {
                    filler.close();
                }
            }
        }
    }

    @Test
    void backendThatNeverAnswersGets504() throws Exception {
        try (Raw.Backend backend = new Raw.Backend((socket, in, out) -> in.readAllBytes());
             Front front = new Front(SHORT, Front.prefix("/ws", Front.tcp(backend.address())))) {
            long start = System.nanoTime();
            assertTrue(Raw.exchange(front, Raw.upgradeHead("/ws")).startsWith("HTTP/1.1 504 "));
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertTrue(millis >= 700 && millis < 5000, "504 after " + millis + " ms");
        }
    }

    /**
     * Undertow does not read a connection while its request is being handled; the handshake does, so a client
     * that leaves before the backend answers frees the backend's leg at once, logged 499 (it used to wait for the
     * response timeout and be logged 504).
     */
    @Test
    void aClientLeavingBeforeTheAnswerFreesTheBackendLegAtOnce() throws Exception {
        CompletableFuture<Integer> backendSaw = new CompletableFuture<>();
        try (Raw.Backend backend = new Raw.Backend((socket, in, out) -> {
            Raw.readRequest(in);
            backendSaw.complete(in.read());
        });
             Front front = new Front(SHORT, Front.prefix("/ws", Front.tcp(backend.address())))) {
            Socket client = Raw.connect(front);
            Raw.send(client, Raw.upgradeHead("/ws"));
            Thread.sleep(300);
            client.close();
            assertEquals(-1, backendSaw.get(500, TimeUnit.MILLISECONDS), "the backend's connection ends before the"
                    + " response timeout (800 ms)");
            String line = front.nextLogLine();
            assertTrue(line.contains(" 499 ") && line.contains(
                    " error=\"the client closed the connection before the backend answered\""), line);
        }
    }

    @Test
    void backendClosingBeforeItsHeadGets502() throws Exception {
        try (Raw.Backend backend = new Raw.Backend((socket, in, out) -> Raw.readRequest(in));
             Front front = new Front(SHORT, Front.prefix("/ws", Front.tcp(backend.address())))) {
            assertTrue(Raw.exchange(front, Raw.upgradeHead("/ws")).startsWith("HTTP/1.1 502 "));
        }
    }

    @Test
    void oversizedResponseHeadGets502() throws Exception {
        try (Raw.Backend backend = new Raw.Backend((socket, in, out) -> {
            Raw.readRequest(in);
            out.write("HTTP/1.1 101 Switching Protocols\r\n".getBytes(StandardCharsets.ISO_8859_1));
            byte[] line = ("X-Filler: " + "x".repeat(1000) + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
            for (int i = 0; i < 70; i++) {
                out.write(line);
            }
            in.read();
        });
             Front front = new Front(SHORT, Front.prefix("/ws", Front.tcp(backend.address())))) {
            assertTrue(Raw.exchange(front, Raw.upgradeHead("/ws")).startsWith("HTTP/1.1 502 "));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ICY 101 OK", "HTTP/1.1 1012 Switching", "HTTP/1.1 10x Switching", "HTTP/1.1 101 R%s"})
    void aStatusLineWsproxyCannotRelayGets502(String statusLine) throws Exception {
        String line = statusLine.formatted("x".repeat(ResponseHead.MAX_REASON));
        try (Raw.Backend backend = new Raw.Backend((socket, in, out) -> {
            Raw.readRequest(in);
            out.write((line + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            in.read();
        });
             Front front = new Front(SHORT, Front.prefix("/ws", Front.tcp(backend.address())))) {
            assertTrue(Raw.exchange(front, Raw.upgradeHead("/ws")).startsWith("HTTP/1.1 502 "), line);
        }
    }

    @Test
    void malformedUpgradesGet400AndOthersFallThrough() throws Exception {
        try (Raw.Backend backend = new Raw.Backend((socket, in, out) -> {
            Raw.readRequest(in);
            out.write(Raw.switching().getBytes(StandardCharsets.ISO_8859_1));
        });
             Front front = new Front(SHORT, Front.prefix("/ws", Front.tcp(backend.address())))) {
            assertTrue(Raw.exchange(front, Raw.upgradeHead("/ws").replace("GET ", "POST "))
                    .startsWith("HTTP/1.1 400 "));
            assertTrue(Raw.exchange(front, Raw.upgradeHead("/ws").replace("HTTP/1.1", "HTTP/1.0"))
                    .startsWith("HTTP/1.0 400 "));
            assertTrue(Raw.exchange(front, Raw.upgradeHead("/ws", "Content-Length: 3").replace("\r\n\r\n",
                    "\r\n\r\nabc")).startsWith("HTTP/1.1 400 "));
            String plain = Raw.exchange(front, "GET /ws HTTP/1.1\r\nHost: front.test\r\n\r\n");
            assertTrue(plain.startsWith("HTTP/1.1 200 "), "a plain request on a websocket URI goes on: " + plain);
            assertTrue(Raw.exchange(front, Raw.upgradeHead("/wsx")).startsWith("HTTP/1.1 200 "),
                    "an upgrade with no route goes on");
            assertTrue(Raw.exchange(front, Raw.upgradeHead("/ws").replace("Upgrade: websocket", "Upgrade: WebSocket"))
                    .startsWith("HTTP/1.1 101 "), "the Upgrade token is case-insensitive");
        }
    }
}
