package dev.wsproxy.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wsproxy.config.model.Tuning;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Chunked request bodies are read by nginx's rules: malformed framing is 400 with the connection closed before the
 * backend has a byte, one error-log line however many clients send it, and the server stays healthy; well-formed
 * framing with extensions, trailers and bare LFs passes intact, and the request after it on the connection is served.
 */
class ChunkedBodyTest extends HostileSiteTest {

    private static final Tuning TUNING = new Tuning(8192, 16380, 5, 5, 1000);
    private static final String SMUGGLED = "GET /api/smuggled HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
    private static final String CHUNKED_POST = "POST /api/form HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n";

    @Test
    void malformedChunksFromManyClientsAre400AndOneLogLine() throws Exception {
        site = HostileSite.start(root, TUNING);
        int warmUps = site.backend.received.size();
        List<String> replies = site.attack(socket -> {
            send(socket, CHUNKED_POST + "5\r\nhello\r\nzz\r\nworld\r\n0\r\n\r\n" + SMUGGLED);
            return HostileSite.readToEnd(socket);
        });
        for (String reply : replies) {
            assertEquals(List.of(400), statuses(reply), reply);
        }
        assertEquals(warmUps, site.backend.received.size(), "the backend saw " + site.backend.received);
        String log = site.errorLog();
        assertEquals(1, log.lines().filter(line -> line.contains("[INFO]")
                && line.contains("400 POST /api/form: malformed request body: a chunk size is not hexadecimal")).count(), log);
        assertFalse(log.contains("Exception"), log);
        site.assertHealthy();
    }

    @Test
    void aBadChunkPastTheFirst16KiBCutsTheBackendsRequestShort() throws Exception {
        site = HostileSite.start(root, TUNING);
        String big = "a".repeat(20_000);
        try (Socket socket = site.connect()) {
            send(socket, CHUNKED_POST + Integer.toHexString(big.length()) + "\r\n" + big + "\r\n-1\r\nx\r\n0\r\n\r\n"
                    + SMUGGLED);
            assertEquals(List.of(400), statuses(HostileSite.readToEnd(socket)));
        }
        assertTrue(site.backend.received.stream().noneMatch(r -> r.requestLine().contains("smuggled")),
                "the backend saw " + site.backend.received);
        site.assertHealthy();
    }

    @Test
    void extensionsTrailersAndBareLineFeedsPassAndTheNextRequestFollows() throws Exception {
        site = HostileSite.start(root, TUNING);
        int warmUps = site.backend.received.size();
        try (Socket socket = site.connect()) {
            send(socket, CHUNKED_POST + "5;name=value\r\nhello\r\n3 \t\nabc\n0\r\nX-Trailer: t\r\n\r\n"
                    + "POST /api/next HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nConnection: close\r\n\r\nhi");
            String reply = HostileSite.readToEnd(socket);
            assertEquals(List.of(200, 200), statuses(reply), reply);
        }
        assertEquals(List.of("POST /api/form HTTP/1.1 body=helloabc", "POST /api/next HTTP/1.1 body=hi"),
                site.backend.received.stream().skip(warmUps).map(r -> r.requestLine() + " body=" + r.body()).toList());
    }

    @Test
    void aLargeBodyInChunksOfEverySizeArrivesIntact() throws Exception {
        site = HostileSite.start(root, TUNING);
        int warmUps = site.backend.received.size();
        StringBuilder body = new StringBuilder();
        StringBuilder framed = new StringBuilder(CHUNKED_POST);
        for (int size = 1; body.length() < 300_000; size = size * 3 % 40_001) {
            String chunk = String.valueOf((char) ('a' + size % 26)).repeat(size);
            body.append(chunk);
            framed.append(Integer.toHexString(size)).append("\r\n").append(chunk).append("\r\n");
        }
        try (Socket socket = site.connect()) {
            send(socket, framed.append("0\r\n\r\n").toString());
            String reply = readResponse(socket);
            assertTrue(reply.startsWith("HTTP/1.1 200 "), reply.substring(0, Math.min(200, reply.length())));
        }
        String received = site.backend.received.get(warmUps).body();
        assertEquals(body.length(), received.length());
        assertTrue(body.toString().equals(received), "the body arrived changed");
    }

    private static void send(Socket socket, String bytes) throws IOException {
        socket.getOutputStream().write(bytes.getBytes(StandardCharsets.ISO_8859_1));
        socket.getOutputStream().flush();
    }

    /** One response with a Content-Length body. */
    private static String readResponse(Socket socket) throws IOException {
        StringBuilder reply = new StringBuilder();
        var in = socket.getInputStream();
        while (!reply.toString().contains("\r\n\r\n")) {
            reply.append((char) in.read());
        }
        Matcher length = Pattern.compile("(?i)content-length: (\\d+)").matcher(reply);
        assertTrue(length.find(), reply.toString());
        reply.append(new String(in.readNBytes(Integer.parseInt(length.group(1))), StandardCharsets.ISO_8859_1));
        return reply.toString();
    }

    private static List<Integer> statuses(String reply) {
        Matcher status = Pattern.compile("HTTP/1\\.[01] (\\d{3}) ").matcher(reply);
        return status.results().map(m -> Integer.parseInt(m.group(1))).toList();
    }
}
