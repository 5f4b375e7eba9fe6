package dev.wsproxy.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wsproxy.config.model.Tuning;
import java.io.InputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Proxy contexts never wait on a shared worker: stalled uploads, more of them than Undertow has workers, cost their
 * own connections and nobody else's time; and {@code Expect: 100-continue} is answered.
 */
class ProxyWorkersTest extends HostileSiteTest {

    /** More than the 8 workers per CPU Undertow's pool has on this machine. */
    private static final int STALLED = 40;
    private static final Tuning TUNING = new Tuning(8192, 16380, 5, 4, 1000);


    @Test
    void stalledUploadsDoNotHoldUpOtherProxiedRequests() throws Exception {
        site = HostileSite.start(root, TUNING);
        ExecutorService threads = Executors.newFixedThreadPool(STALLED);
        List<Socket> stalled = new ArrayList<>();
        try {
            CountDownLatch sent = new CountDownLatch(STALLED);
            List<Future<String>> replies = new ArrayList<>();
            for (int i = 0; i < STALLED; i++) {
                Socket socket = site.connect();
                stalled.add(socket);
                replies.add(threads.submit(() -> {
                    socket.getOutputStream().write(("POST /api/upload HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n"
                            + "only a few bytes").getBytes(StandardCharsets.US_ASCII));
                    sent.countDown();
                    return HostileSite.readToEnd(socket);
                }));
            }
            assertTrue(sent.await(10, TimeUnit.SECONDS));
            for (int i = 0; i < 5; i++) {
                long start = System.nanoTime();
                HttpResponse<String> ok = site.server.send(HttpRequest.newBuilder(site.server.uri("/api/ok" + i))
                        .POST(HttpRequest.BodyPublishers.ofString("meanwhile")));
                Duration took = Duration.ofNanos(System.nanoTime() - start);
                assertEquals("backend saw POST /api/ok" + i + " HTTP/1.1 body=meanwhile", ok.body());
                assertTrue(took.compareTo(Duration.ofSeconds(2)) < 0, "served in " + took + " beside the stalled uploads");
            }
            for (Future<String> reply : replies) {
                assertTrue(reply.get(20, TimeUnit.SECONDS).startsWith("HTTP/1.1 408 "));
            }
        } finally {
            threads.shutdownNow();
            for (Socket socket : stalled) {
                socket.close();
            }
        }
        site.assertHealthy();
    }

    @Test
    void expect100ContinueIsAnsweredAndNotForwarded() throws Exception {
        site = HostileSite.start(root, TUNING);
        try (Socket client = site.connect()) {
            client.getOutputStream().write(("POST /api/form HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\n"
                    + "Content-Length: 5\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            client.setSoTimeout(1000);
            InputStream in = client.getInputStream();
            assertTrue(RunningServer.readHead(in).startsWith("HTTP/1.1 100 Continue\r\n"), "asked for the body at once");
            client.getOutputStream().write("hello".getBytes(StandardCharsets.US_ASCII));
            client.setSoTimeout(10_000);
            assertEquals("backend saw POST /api/form HTTP/1.1 body=hello",
                    new String(RunningServer.readResponseBody(in, 200), StandardCharsets.US_ASCII));
        }
        RawHttpBackend.Received form = site.backend.received.get(site.backend.received.size() - 1);
        assertNull(form.header("Expect"), form.head());
        site.assertHealthy();
    }
}
