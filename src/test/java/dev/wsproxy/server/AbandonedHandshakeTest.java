package dev.wsproxy.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wsproxy.config.model.Tuning;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A client that gives up on a WebSocket handshake while the backend has not answered: the backend's connection is
 * closed at once, not when the response timeout runs out, and the access log says 499, nginx's "client closed
 * request", not 504.
 */
class AbandonedHandshakeTest extends HostileSiteTest {


    @Test
    void anAbandonedHandshakeClosesItsBackendAtOnceAndIsLogged499() throws Exception {
        site = HostileSite.start(root, new Tuning(8192, 16380, 5, 30, 1000));
        Socket client = site.connect();
        client.getOutputStream().write(("GET /mute/chat HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        try (Socket backend = site.muteBackend.accept()) {
            InputStream fromProxy = backend.getInputStream();
            assertTrue(RunningServer.readHead(fromProxy).startsWith("GET /mute/chat HTTP/1.1\r\n"));
            client.close();
            long start = System.nanoTime();
            assertEquals(-1, fromProxy.read(), "the proxy closed the backend's connection");
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertTrue(took.compareTo(Duration.ofSeconds(2)) < 0, "closed at once: " + took);
        }
        site.awaitAccessLog("\"GET /mute/chat HTTP/1.1\" 499 ", 1);
        site.assertHealthy();
    }
}
