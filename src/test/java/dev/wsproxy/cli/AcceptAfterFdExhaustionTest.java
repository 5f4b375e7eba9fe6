package dev.wsproxy.cli;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server that ran out of file descriptors accepts again within a second once some are free: XNIO alone stops
 * accepting for 250 ms after a failed accept and four times longer after each further failure, up to 30 s, so a
 * few seconds of exhaustion left the listener deaf for 16 s after it ended. The server runs in a JVM of its own
 * under {@code ulimit -n}.
 */
class AcceptAfterFdExhaustionTest {

    private static final int FD_LIMIT = 256;
    /** Long enough that XNIO's own back-off has grown to 16 s. */
    private static final Duration EXHAUSTED = Duration.ofSeconds(6);

    @TempDir
    Path root;

    @Test
    void acceptingResumesWithinASecondOnceDescriptorsAreFree() throws Exception {
        int port = Loopback.freePort("127.0.0.1");
        Path config = ServedTree.write(root, "127.0.0.1:" + port, "");
        // idle connections must stay open for the whole test, holding the server's descriptors
        Files.writeString(config, "tuning {\n  keepAliveTimeout 60\n  connTimeout 600\n}\n", StandardOpenOption.APPEND);
        List<String> command = new ArrayList<>(List.of("bash", "-c", "ulimit -n " + FD_LIMIT + " && exec \"$@\"", "bash"));
        command.addAll(WsproxyProcess.command("-c", config.toString()));
        Process serve = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true).start();
        InetSocketAddress address = new InetSocketAddress("127.0.0.1", port);
        try {
            WsproxyProcess.linesUntil(WsproxyProcess.output(serve), "wsproxy: serving");
            for (int i = 0; i < 3; i++) {
                assertTrue(get(address, Duration.ofSeconds(10)).contains("served from disk"));
            }
            List<Socket> held = new ArrayList<>();
            Socket waiting;
            try {
                for (int i = 0; i < FD_LIMIT + 50; i++) {
                    held.add(new Socket(address.getAddress(), port));
                }
                Thread.sleep(EXHAUSTED.toMillis());
                waiting = send(address);
                waiting.setSoTimeout(1000);
                assertThrows(SocketTimeoutException.class, () -> waiting.getInputStream().read(),
                        "no descriptor left: the request waits in the listen queue");
            } finally {
                for (Socket socket : held) {
                    socket.close();
                }
            }
            long released = System.nanoTime();
            waiting.setSoTimeout(10_000);
            String reply = readAll(waiting);
            Duration took = Duration.ofNanos(System.nanoTime() - released);
            assertTrue(reply.contains("served from disk"), reply);
            assertTrue(took.compareTo(Duration.ofSeconds(1)) < 0, "answered " + took + " after descriptors were free");
            String errorLog = Files.readString(root.resolve("logs/error.log"));
            assertTrue(errorLog.contains("[WARN] cannot accept connections on 127.0.0.1:" + port + ", most likely because"
                    + " the process has no file descriptor left"), errorLog);
            assertTrue(errorLog.lines().count() < 20, "the error log stays short:\n" + errorLog);
        } finally {
            serve.toHandle().destroy();
            if (!serve.waitFor(10, TimeUnit.SECONDS)) {
                serve.destroyForcibly();
            }
        }
    }

    private static Socket send(InetSocketAddress address) throws IOException {
        Socket socket = new Socket(address.getAddress(), address.getPort());
        socket.getOutputStream().write("GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
                .getBytes(StandardCharsets.US_ASCII));
        return socket;
    }

    private static String get(InetSocketAddress address, Duration timeout) throws IOException {
        try (Socket socket = send(address)) {
            socket.setSoTimeout((int) timeout.toMillis());
            return readAll(socket);
        }
    }

    private static String readAll(Socket socket) throws IOException {
        try (socket) {
            ByteArrayOutputStream reply = new ByteArrayOutputStream();
            socket.getInputStream().transferTo(reply);
            return reply.toString(StandardCharsets.ISO_8859_1);
        }
    }
}
