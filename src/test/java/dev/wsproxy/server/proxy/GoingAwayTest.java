package dev.wsproxy.server.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wsproxy.config.ConfigLoader;
import dev.wsproxy.config.LoadOptions;
import dev.wsproxy.config.model.BackendAddress;
import dev.wsproxy.server.ListenerPorts;
import dev.wsproxy.server.ServerParts;
import dev.wsproxy.server.WsproxyServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.newsclub.net.unix.AFUNIXServerSocket;
import org.newsclub.net.unix.AFUNIXSocketAddress;

/**
 * A stopping server ends each tunnel the WebSocket way: a close frame with code 1001 to the client (unmasked) and to
 * the backend (masked), each where a frame ends in its direction, a short wait for the answers, one access-log
 * line per tunnel. A real server from a config on disk, raw clients and backends that see every byte.
 */
class GoingAwayTest {

    @TempDir
    Path root;

    static Stream<Arguments> enginesWithTcpAndUnixBackends() {
        return Stream.of(Engine.values()).flatMap(engine -> Stream.of(Backends.TCP_IPV4, Backends.UNIX)
                .map(backend -> Arguments.of(engine, backend)));
    }

    /** A backend that answers 101, queues each frame it reads, and answers a close with the same code if told to. */
    private record RecordingBackend(Raw.Backend backend, BackendAddress address, CompletableFuture<Void> asked,
                                    BlockingQueue<Raw.Frame> frames, CompletableFuture<OutputStream> out)
            implements AutoCloseable {
        @Override
        public void close() throws Exception {
            backend.close();
        }
    }

    private RecordingBackend recordingBackend(Backends kind, boolean answersClose) throws IOException {
        return recordingBackend(kind, answersClose, CompletableFuture.completedFuture(null));
    }

    /** @param answer completes when the backend may answer the upgrade */
    private RecordingBackend recordingBackend(Backends kind, boolean answersClose, CompletableFuture<?> answer)
            throws IOException {
        CompletableFuture<Void> asked = new CompletableFuture<>();
        BlockingQueue<Raw.Frame> frames = new LinkedBlockingQueue<>();
        CompletableFuture<OutputStream> output = new CompletableFuture<>();
        Raw.Backend.Script script = (socket, in, out) -> {
            Raw.readRequest(in);
            asked.complete(null);
            answer.get(10, TimeUnit.SECONDS);
            out.write(Raw.switching().getBytes(StandardCharsets.ISO_8859_1));
            output.complete(out);
            Raw.Frame frame;
            do {
                frame = Raw.readFrame(in);
                frames.add(frame);
            } while (frame.opcode() != Raw.Frame.CLOSE);
            if (answersClose) {
                out.write(Raw.close(frame.closeCode(), false));
            }
            in.read();
        };
        if (kind == Backends.UNIX) {
            Path socket = root.resolve("backend.sock");
            ServerSocket server = AFUNIXServerSocket.newInstance();
            server.bind(AFUNIXSocketAddress.of(socket));
            return new RecordingBackend(new Raw.Backend(server, script), Front.unix(socket), asked, frames, output);
        }
        Raw.Backend backend = new Raw.Backend(script);
        return new RecordingBackend(backend, Front.tcp(backend.address()), asked, frames, output);
    }

    private WsproxyServer serve(Engine engine, BackendAddress backend) throws Exception {
        Path config = ProxyConfigTree.write(root, "127.0.0.1:80", "/ws/", backend.text());
        return WsproxyServer.start(ConfigLoader.load(config, new LoadOptions(Optional.empty(), true)).config()
                .orElseThrow(), new ServerParts(new WebSocketRouting(engine.settings), Optional.empty()),
                ListenerPorts.EPHEMERAL, System.err);
    }

    private static Socket upgradedClient(WsproxyServer server) throws IOException {
        Socket client = Raw.connect(server.address("main"));
        Raw.send(client, Raw.upgradeHead("/ws/"));
        assertTrue(Raw.readHead(client.getInputStream()).startsWith("HTTP/1.1 101 "));
        return client;
    }

    private Thread stopInBackground(WsproxyServer server) throws Exception {
        Thread stop = new Thread(server::stop, "stop");
        stop.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!errorLog().contains("closing 1 WebSocket tunnel(s)") && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        // the tunnel has begun to go away, with a frame under way in each direction
        Thread.sleep(200);
        return stop;
    }

    private String errorLog() throws IOException {
        Path log = root.resolve("logs/error.log");
        return Files.exists(log) ? Files.readString(log) : "";
    }

    @ParameterizedTest
    @MethodSource("enginesWithTcpAndUnixBackends")
    void eachSideGetsA1001CloseWhereItsFrameUnderWayEnds(Engine engine, Backends kind) throws Exception {
        try (RecordingBackend backend = recordingBackend(kind, true)) {
            WsproxyServer server = serve(engine, backend.address());
            try (Socket client = upgradedClient(server)) {
                OutputStream toBackend = client.getOutputStream();
                InputStream fromBackend = client.getInputStream();
                OutputStream backendOut = backend.out().get(5, TimeUnit.SECONDS);
                byte[] split = Raw.maskedText("split up");
                toBackend.write(Raw.maskedText("whole"));
                toBackend.write(split, 0, 4);
                byte[] cut = Raw.serverText("cut in two");
                backendOut.write(Raw.serverText("from the backend"));
                backendOut.write(cut, 0, 5);
                assertEquals("whole", backend.frames().poll(5, TimeUnit.SECONDS).text());
                assertEquals("from the backend", Raw.readFrame(fromBackend).text());

                long start = System.nanoTime();
                Thread stop = stopInBackground(server);
                backendOut.write(cut, 5, cut.length - 5);
                assertEquals("cut in two", Raw.readFrame(fromBackend).text(), "the frame under way ends first");
                Raw.Frame toClient = Raw.readFrame(fromBackend);
                assertEquals(Raw.Frame.CLOSE, toClient.opcode());
                assertFalse(toClient.masked(), "a server's frames are not masked");
                assertEquals(1001, toClient.closeCode());

                // the backend answers the close it gets only now: its answer cannot cut into its frame above
                toBackend.write(split, 4, split.length - 4);
                toBackend.write(Raw.close(1001, true));

                assertEquals("split up", backend.frames().poll(5, TimeUnit.SECONDS).text());
                Raw.Frame backendGot = backend.frames().poll(5, TimeUnit.SECONDS);
                assertEquals(Raw.Frame.CLOSE, backendGot.opcode());
                assertTrue(backendGot.masked(), "a client's frames are masked");
                assertEquals(1001, backendGot.closeCode());

                stop.join(10_000);
                assertFalse(stop.isAlive());
                long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                assertTrue(millis < 1900, "both sides answered: no wait for the deadline (" + millis + " ms)");
                assertEquals(-1, fromBackend.read(), "the client's connection ends");
            } finally {
                server.stop();
            }
            String access = Files.readString(root.resolve("logs/access.log"));
            assertTrue(access.contains("\"GET /ws/ HTTP/1.1\" 101 ")
                    && access.contains(" error=\"server stopping: closed with 1001 (going away)\""), access);
            assertTrue(errorLog().contains("WebSocket tunnels closed: 1 with a closing handshake"), errorLog());
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aTunnelWhosePeersDoNotAnswerIsCutOffAfterTheWait(Engine engine) throws Exception {
        try (RecordingBackend backend = recordingBackend(Backends.TCP_IPV4, false)) {
            WsproxyServer server = serve(engine, backend.address());
            try (Socket client = upgradedClient(server)) {
                backend.out().get(5, TimeUnit.SECONDS).write(Raw.serverText("the tunnel runs"));
                assertEquals("the tunnel runs", Raw.readFrame(client.getInputStream()).text());
                long start = System.nanoTime();
                Thread stop = new Thread(server::stop, "stop");
                stop.start();
                Raw.Frame toClient = Raw.readFrame(client.getInputStream());
                assertEquals(1001, toClient.closeCode());
                assertEquals(1001, backend.frames().poll(5, TimeUnit.SECONDS).closeCode());
                stop.join(10_000);
                long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                assertTrue(millis >= 1900 && millis < 6000, "cut off after the 2 s wait, not " + millis + " ms");
            } finally {
                server.stop();
            }
            String access = Files.readString(root.resolve("logs/access.log"));
            assertTrue(access.contains(" error=\"server stopping: no closing handshake within 2000 ms\""), access);
            assertTrue(errorLog().contains("0 with a closing handshake (or by their peers), 1 cut off without one"),
                    errorLog());
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aHandshakeInFlightAtTheStopBecomesATunnelThatGoesAwayToo(Engine engine) throws Exception {
        CompletableFuture<Void> answer = new CompletableFuture<>();
        try (RecordingBackend backend = recordingBackend(Backends.TCP_IPV4, true, answer)) {
            WsproxyServer server = serve(engine, backend.address());
            try (Socket client = Raw.connect(server.address("main"))) {
                Raw.send(client, Raw.upgradeHead("/ws/"));
                backend.asked().get(5, TimeUnit.SECONDS);
                Thread stop = new Thread(server::stop, "stop");
                stop.start();
                // the stop waits for the handshake, a request in flight
                Thread.sleep(500);
                answer.complete(null);
                InputStream in = client.getInputStream();
                assertTrue(Raw.readHead(in).startsWith("HTTP/1.1 101 "));
                assertEquals(1001, Raw.readFrame(in).closeCode());
                client.getOutputStream().write(Raw.close(1001, true));
                Raw.Frame backendGot = backend.frames().poll(5, TimeUnit.SECONDS);
                assertEquals(1001, backendGot.closeCode());
                assertTrue(backendGot.masked());
                stop.join(10_000);
                assertFalse(stop.isAlive());
            } finally {
                server.stop();
            }
            String access = Files.readString(root.resolve("logs/access.log"));
            assertTrue(access.contains(" error=\"server stopping: closed with 1001 (going away)\""), access);
        }
    }
}
