package dev.wsproxy.server.proxy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wsproxy.tools.echo.EchoServer;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Real WebSocket clients through the tunnel to the echo backend on TCP IPv4, IPv6 and a Unix socket. */
class TunnelEchoTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Backends.class)
    void echoesTextBinaryFragmentsAndPings(Backends kind) throws Exception {
        try (EchoServer echo = kind.startEcho(dir, Set.of(), true);
             Front front = new Front(TunnelSettings.DEFAULT, Front.prefix("/ws", kind.address(echo, dir)))) {
            WsClient client = WsClient.connect(front.ws("/ws/chat?room=1"));
            assertEquals("hello", client.echoText("hello"));

            client.socket.sendBinary(ByteBuffer.wrap(new byte[] {1, 2, 3, 0, -1}), true).get(10, TimeUnit.SECONDS);
            assertArrayEquals(new byte[] {1, 2, 3, 0, -1}, client.next().bytes());

            client.socket.sendText("frag", false).get(10, TimeUnit.SECONDS);
            client.socket.sendText("ment", false).get(10, TimeUnit.SECONDS);
            client.socket.sendText("ed", true).get(10, TimeUnit.SECONDS);
            assertEquals("fragmented", client.next().text());

            client.socket.sendPing(ByteBuffer.wrap("are you there".getBytes(StandardCharsets.UTF_8)))
                    .get(10, TimeUnit.SECONDS);
            WsClient.Event pong = client.next();
            assertEquals("pong", pong.kind());
            assertEquals("are you there", new String(pong.bytes(), StandardCharsets.UTF_8));

            client.socket.sendClose(4001, "client done").get(10, TimeUnit.SECONDS);
            WsClient.Event close = client.next();
            assertEquals("close", close.kind());
            assertEquals(4001, close.code(), "the backend echoes the close code it received");

            String line = front.nextLogLine();
            assertTrue(line.contains("\"GET /ws/chat?room=1 HTTP/1.1\" 101 "), line);
            assertTrue(line.contains(" ws backend=" + kind.address(echo, dir).text() + " "), line);
            assertTrue(line.matches(".* from_client=[1-9][0-9]* to_client=[1-9][0-9]* ms=[0-9]+$"), line);
        }
    }

    @ParameterizedTest
    @EnumSource(Backends.class)
    void carriesA16MiBMessageBothWays(Backends kind) throws Exception {
        try (EchoServer echo = kind.startEcho(dir, Set.of(), false);
             Front front = new Front(TunnelSettings.DEFAULT, Front.prefix("/ws", kind.address(echo, dir)))) {
            WsClient client = WsClient.connect(front.ws("/ws"));
            byte[] big = new byte[16 * 1024 * 1024];
            new Random(42).nextBytes(big);
            client.socket.sendBinary(ByteBuffer.wrap(big), true).get(30, TimeUnit.SECONDS);
            assertArrayEquals(big, client.next().bytes());
            client.socket.sendClose(1000, "").get(10, TimeUnit.SECONDS);
            assertEquals(1000, client.next().code());
        }
    }

    @ParameterizedTest
    @EnumSource(Backends.class)
    void negotiatesTheSubprotocolEndToEnd(Backends kind) throws Exception {
        try (EchoServer echo = kind.startEcho(dir, Set.of("chat.v2"), true);
             Front front = new Front(TunnelSettings.DEFAULT, Front.prefix("/ws/", kind.address(echo, dir)))) {
            WsClient client = WsClient.connect(front.ws("/ws"), "chat.v1", "chat.v2");
            assertEquals("chat.v2", client.socket.getSubprotocol());
            assertEquals("still works", client.echoText("still works"));
        }
    }

    @ParameterizedTest
    @EnumSource(Backends.class)
    void negotiatesPermessageDeflateEndToEnd(Backends kind) throws Exception {
        try (EchoServer echo = kind.startEcho(dir, Set.of(), true);
             Front front = new Front(TunnelSettings.DEFAULT, Front.prefix("/ws", kind.address(echo, dir)))) {
            String head = Raw.exchange(front, Raw.upgradeHead("/ws",
                    "Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits"));
            assertTrue(head.startsWith("HTTP/1.1 101 "), head);
            assertTrue(head.contains("Sec-WebSocket-Extensions: permessage-deflate"), head);
            assertTrue(head.contains("Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n"), head);
        }
    }
}
