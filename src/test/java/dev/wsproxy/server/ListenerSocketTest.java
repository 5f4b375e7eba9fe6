package dev.wsproxy.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wsproxy.config.model.Tuning;
import dev.wsproxy.server.log.ErrorLog;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * A listener's sockets: one per I/O thread when it shares its port, each thread serving what it accepts; at most
 * {@code maxConnections} at once; and closed for a drain or a reload, it serves the connections already waiting in
 * its accept queues.
 */
class ListenerSocketTest {

    private static final String REQUEST = "GET / HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n";

    @Test
    void aListenerThatSharesItsPortListensOncePerIoThreadAndEveryThreadServes() throws Exception {
        Connectors connectors = new Connectors(Tuning.OLS_DEFAULT, ErrorLog.onStderr(System.err));
        Set<String> threads = ConcurrentHashMap.newKeySet();
        try {
            ListenerSocket listener = connectors.bind(new InetSocketAddress("127.0.0.1", 0), true, null, false,
                    exchange -> {
                        threads.add(Thread.currentThread().getName());
                        exchange.getResponseSender().send("served");
                    });
            listener.startAccepting();
            int port = listener.address().getPort();
            assertEquals(connectors.worker().getIoThreadCount(), listeningSockets(port), "listening sockets");
            for (int i = 0; i < 40; i++) {
                assertTrue(get(port).endsWith("served"));
            }
            assertEquals(connectors.worker().getIoThreadCount(), threads.size(), "I/O threads that served: " + threads);
        } finally {
            connectors.closeAll();
        }
    }

    @Test
    void aListenerThatDoesNotShareItsPortListensOnce() throws Exception {
        Connectors connectors = new Connectors(Tuning.OLS_DEFAULT, ErrorLog.onStderr(System.err));
        try {
            ListenerSocket listener = connectors.bind(new InetSocketAddress("127.0.0.1", 0), false, null, false,
                    exchange -> exchange.getResponseSender().send("served"));
            listener.startAccepting();
            assertEquals(1, listeningSockets(listener.address().getPort()));
            for (int i = 0; i < 10; i++) {
                assertTrue(get(listener.address().getPort()).endsWith("served"));
            }
        } finally {
            connectors.closeAll();
        }
    }

    /** maxConnections 3: a fourth connection waits in the queue until the open ones fall to 2, nine tenths of 3. */
    @Test
    void aListenerHoldsAtMostMaxConnectionsAtOnce() throws Exception {
        Connectors connectors = new Connectors(new Tuning(8192, 16380, 30, 300, 3), ErrorLog.onStderr(System.err));
        try {
            ListenerSocket listener = connectors.bind(new InetSocketAddress("127.0.0.1", 0), true, null, false,
                    exchange -> exchange.getResponseSender().send("served"));
            listener.startAccepting();
            int port = listener.address().getPort();
            List<Socket> held = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                Socket client = new Socket("127.0.0.1", port);
                client.getOutputStream().write("GET / HTTP/1.1\r\nHost: a\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                assertTrue(RunningServer.readHead(client.getInputStream()).startsWith("HTTP/1.1 200"));
                held.add(client);
            }
            try (Socket fourth = new Socket("127.0.0.1", port)) {
                fourth.setSoTimeout(1000);
                fourth.getOutputStream().write(REQUEST.getBytes(StandardCharsets.US_ASCII));
                assertThrows(SocketTimeoutException.class, () -> fourth.getInputStream().read(),
                        "the fourth connection was served while three were open");
                held.remove(0).close();
                fourth.setSoTimeout(10_000);
                String reply = new String(fourth.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
                assertTrue(reply.endsWith("served"), reply);
            } finally {
                for (Socket client : held) {
                    client.close();
                }
            }
        } finally {
            connectors.closeAll();
        }
    }

    @Test
    void closingServesWhatTheKernelQueuedInsteadOfResettingIt() throws Exception {
        Connectors connectors = new Connectors(Tuning.OLS_DEFAULT, ErrorLog.onStderr(System.err));
        try {
            ListenerSocket listener = connectors.bind(new InetSocketAddress("127.0.0.1", 0), true, null, false,
                    exchange -> exchange.getResponseSender().send("queued"));
            // not accepting yet: the kernel completes each handshake and keeps the connection in the queue
            List<Socket> clients = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                Socket client = new Socket("127.0.0.1", listener.address().getPort());
                client.setSoTimeout(10_000);
                client.getOutputStream().write(REQUEST.getBytes(StandardCharsets.US_ASCII));
                clients.add(client);
            }

            listener.close();

            for (Socket client : clients) {
                try (client) {
                    String reply = new String(client.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
                    assertTrue(reply.startsWith("HTTP/1.1 200") && reply.endsWith("queued"), reply);
                }
            }
            Thread.sleep(100);
            try (Socket late = new Socket("127.0.0.1", listener.address().getPort())) {
                throw new AssertionError("a closed listener accepted " + late);
            } catch (ConnectException expected) {
                // closed: new connections go to the other sockets of the port, or are refused
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        } finally {
            connectors.closeAll();
        }
    }

    private static String get(int port) throws IOException {
        try (Socket client = new Socket("127.0.0.1", port)) {
            client.setSoTimeout(10_000);
            client.getOutputStream().write(REQUEST.getBytes(StandardCharsets.US_ASCII));
            return new String(client.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    /** The IPv4 sockets listening on {@code port}, from the kernel's table ({@code ss -ltn} shows the same). */
    private static long listeningSockets(int port) throws IOException {
        String local = String.format(":%04X", port);
        try (var lines = Files.lines(Path.of("/proc/net/tcp"))) {
            return lines.skip(1).map(line -> line.trim().split("\\s+"))
                    .filter(fields -> fields[1].endsWith(local) && fields[3].equals("0A")).count();
        }
    }
}
