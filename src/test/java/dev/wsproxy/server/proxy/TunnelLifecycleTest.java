package dev.wsproxy.server.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wsproxy.config.model.BackendAddress;
import dev.wsproxy.tools.echo.EchoServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.newsclub.net.unix.AFUNIXServerSocket;
import org.newsclub.net.unix.AFUNIXSocketAddress;

/**
 * How tunnels end, and what they cost: dying peers, idle timeouts, backpressure against a stalled reader. These
 * tunnels are spliced on wsproxy's epoll loops; {@link TunnelLifecycleOnXnioTest} runs the same on XNIO.
 */
class TunnelLifecycleTest {

    @TempDir
    Path dir;

    TunnelSettings settings() {
        return TunnelSettings.DEFAULT;
    }

    /** A raw backend on TCP or on a Unix socket in {@code dir}, with the route that reaches it. */
    private record RawSide(Raw.Backend backend, BackendAddress address) {
    }

    private RawSide rawBackend(Backends kind, Raw.Backend.Script script) throws IOException {
        if (kind == Backends.UNIX) {
            Path socket = dir.resolve("raw.sock");
            ServerSocket server = AFUNIXServerSocket.newInstance();
            server.bind(AFUNIXSocketAddress.of(socket));
            return new RawSide(new Raw.Backend(server, script), Front.unix(socket));
        }
        Raw.Backend backend = new Raw.Backend(script);
        return new RawSide(backend, Front.tcp(backend.address()));
    }

    /** Sends the upgrade request (and {@code after} right behind it) and returns the stream past the 101 head. */
    private static InputStream upgrade(Socket client, String after) throws IOException {
        Raw.send(client, Raw.upgradeHead("/ws") + after);
        InputStream in = client.getInputStream();
        assertTrue(Raw.readHead(in).startsWith("HTTP/1.1 101 "));
        return in;
    }

    /** The backend's side of the handshake: reads the request head and answers 101. */
    private static void switchProtocols(InputStream in, OutputStream out) throws IOException {
        Raw.readRequest(in);
        out.write(Raw.switching().getBytes(StandardCharsets.ISO_8859_1));
    }

    @ParameterizedTest
    @EnumSource(value = Backends.class, names = {"TCP_IPV4", "UNIX"})
    void aStalledReaderStallsTheBackendInsteadOfGrowingTheHeap(Backends kind) throws Exception {
        long flood = 128L * 1024 * 1024;
        AtomicLong written = new AtomicLong();
        RawSide side = rawBackend(kind, (socket, in, out) -> {
            switchProtocols(in, out);
            byte[] chunk = new byte[64 * 1024];
            while (written.get() < flood) {
                out.write(chunk);
                written.addAndGet(chunk.length);
            }
            socket.shutdownOutput();
        });
        try (Raw.Backend backend = side.backend();
             Front front = new Front(settings(), Front.prefix("/ws", side.address()));
             Socket client = Raw.connect(front)) {
            MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
            System.gc();
            long heapBefore = memory.getHeapMemoryUsage().getUsed();
            InputStream in = upgrade(client, "");
            Thread.sleep(2000);
            long writtenWhileStalled = written.get();
            System.gc();
            long heapGrowth = memory.getHeapMemoryUsage().getUsed() - heapBefore;
            assertTrue(writtenWhileStalled < 48L * 1024 * 1024,
                    "the backend wrote " + writtenWhileStalled + " bytes to a client that read nothing");
            assertTrue(heapGrowth < 32L * 1024 * 1024, "heap grew by " + heapGrowth + " bytes");

            byte[] buffer = new byte[256 * 1024];
            long received = 0;
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                received += n;
            }
            assertEquals(flood, received, "every byte arrives once the client reads again");
        }
    }

    @ParameterizedTest
    @EnumSource(value = Backends.class, names = {"TCP_IPV4", "UNIX"})
    void earlyBytesFromBothSidesAreNotLost(Backends kind) throws Exception {
        CompletableFuture<String> pipelined = new CompletableFuture<>();
        RawSide side = rawBackend(kind, (socket, in, out) -> {
            Raw.readRequest(in);
            out.write((Raw.switching() + "EARLY").getBytes(StandardCharsets.ISO_8859_1));
            pipelined.complete(Raw.readExactly(in, 9));
            in.read();
        });
        try (Raw.Backend backend = side.backend();
             Front front = new Front(settings(), Front.prefix("/ws", side.address()));
             Socket client = Raw.connect(front)) {
            InputStream in = upgrade(client, "PIPELINED");
            assertEquals("EARLY", Raw.readExactly(in, 5));
            assertEquals("PIPELINED", pipelined.get(5, TimeUnit.SECONDS));
        }
    }

    @ParameterizedTest
    @EnumSource(value = Backends.class, names = {"TCP_IPV4", "UNIX"})
    void halfClosePropagatesBothWays(Backends kind) throws Exception {
        RawSide side = rawBackend(kind, (socket, in, out) -> {
            switchProtocols(in, out);
            byte[] all = in.readAllBytes();
            out.write(("GOT " + new String(all, StandardCharsets.ISO_8859_1) + " BYE")
                    .getBytes(StandardCharsets.ISO_8859_1));
            socket.shutdownOutput();
        });
        try (Raw.Backend backend = side.backend();
             Front front = new Front(settings(), Front.prefix("/ws", side.address()));
             Socket client = Raw.connect(front)) {
            InputStream in = upgrade(client, "");
            Raw.send(client, "last words");
            client.shutdownOutput();
            assertEquals("GOT last words BYE", new String(in.readAllBytes(), StandardCharsets.ISO_8859_1));
            String line = front.nextLogLine();
            assertTrue(line.contains(" from_client=10 to_client=18 "), line);
        }
    }

    @ParameterizedTest
    @EnumSource(value = Backends.class, names = {"TCP_IPV4", "UNIX"})
    void bytesSentJustBeforeTheBackendClosesStillArrive(Backends kind) throws Exception {
        int size = 4 * 1024 * 1024;
        RawSide side = rawBackend(kind, (socket, in, out) -> {
            switchProtocols(in, out);
            out.write(new byte[size]);
            out.flush();
        });
        try (Raw.Backend backend = side.backend();
             Front front = new Front(settings(), Front.prefix("/ws", side.address()));
             Socket client = Raw.connect(front)) {
            InputStream in = upgrade(client, "");
            Thread.sleep(500);
            assertEquals(size, in.readAllBytes().length, "the backend's last bytes arrive before the end");
        }
    }

    @ParameterizedTest
    @EnumSource(value = Backends.class, names = {"TCP_IPV4", "UNIX"})
    void aBackendDyingMidStreamClosesTheClient(Backends kind) throws Exception {
        RawSide side = rawBackend(kind, (socket, in, out) -> {
            Raw.readRequest(in);
            out.write((Raw.switching() + "partial").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            Thread.sleep(200);
            socket.setSoLinger(true, 0);
            socket.close();
        });
        try (Raw.Backend backend = side.backend();
             Front front = new Front(settings(), Front.prefix("/ws", side.address()));
             Socket client = Raw.connect(front)) {
            InputStream in = upgrade(client, "");
            assertEquals("partial", Raw.readExactly(in, 7));
            assertEquals(-1, readOrReset(in), "the client's connection ends");
            // a Unix socket has no reset: the backend's close arrives as a half-close, which the client answers
            client.close();
            assertTrue(front.nextLogLine().contains("\" 101 "));
        }
    }

    @ParameterizedTest
    @EnumSource(value = Backends.class, names = {"TCP_IPV4", "UNIX"})
    void aVanishingClientClosesTheBackendLeg(Backends kind) throws Exception {
        CompletableFuture<Integer> backendSaw = new CompletableFuture<>();
        RawSide side = rawBackend(kind, (socket, in, out) -> {
            switchProtocols(in, out);
            backendSaw.complete(readOrReset(in));
        });
        try (Raw.Backend backend = side.backend();
             Front front = new Front(settings(), Front.prefix("/ws", side.address()))) {
            Socket client = Raw.connect(front);
            Raw.send(client, Raw.upgradeHead("/ws"));
            assertTrue(Raw.readHead(client.getInputStream()).startsWith("HTTP/1.1 101 "));
            client.setSoLinger(true, 0);
            client.close();
            assertEquals(-1, backendSaw.get(5, TimeUnit.SECONDS), "the backend's connection ends");
            assertTrue(front.nextLogLine().contains("\" 101 "));
        }
    }

    @Test
    void theBackendsCloseCodeReachesTheClient() throws Exception {
        try (Raw.Backend backend = new Raw.Backend((socket, in, out) -> {
            String request = Raw.readRequest(in);
            out.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Accept: " + Raw.acceptFor(request) + "\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.write(new byte[] {(byte) 0x88, 5, 0x0F, (byte) 0xA2, 'b', 'y', 'e'});
            out.flush();
            in.read();
        });
             Front front = new Front(settings(), Front.prefix("/ws", Front.tcp(backend.address())))) {
            WsClient client = WsClient.connect(front.ws("/ws"));
            WsClient.Event close = client.next();
            assertEquals("close", close.kind());
            assertEquals(4002, close.code());
            assertEquals("bye", close.text());
        }
    }

    @Test
    void anIdleTunnelIsClosedAfterTheRoutesIdleTimeout() throws Exception {
        try (EchoServer echo = Backends.TCP_IPV4.startEcho(dir, Set.of(), false);
             Front front = new Front(settings(), Front.withIdle(
                     Front.prefix("/ws", Backends.TCP_IPV4.address(echo, dir)), Duration.ofSeconds(1)))) {
            WsClient client = WsClient.connect(front.ws("/ws"));
            assertEquals("busy", client.echoText("busy"));
            long start = System.nanoTime();
            client.closed.get(10, TimeUnit.SECONDS);
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertTrue(millis >= 800 && millis < 5000, "closed after " + millis + " ms");
            String line = front.nextLogLine();
            assertTrue(line.endsWith("error=\"idle for 1 s\""), line);
        }
    }

    private static int readOrReset(InputStream in) throws IOException {
        try {
            return in.read();
        } catch (SocketException e) {
            return -1;
        }
    }
}
