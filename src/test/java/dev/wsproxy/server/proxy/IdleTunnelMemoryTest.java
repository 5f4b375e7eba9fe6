package dev.wsproxy.server.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What an open, idle tunnel keeps on the heap of what its upgrade brought, on either engine. */
class IdleTunnelMemoryTest {

    private static final int TUNNELS = 200;
    /** A browser's upgrade carries cookies, a few KiB of them. */
    private static final int COOKIE_BYTES = 8 * 1024;

    @ParameterizedTest
    @EnumSource(Engine.class)
    void anIdleTunnelKeepsNothingOfItsRequestHead(Engine engine) throws Exception {
        // the backend keeps nothing of the head either: it reads it and drops it
        try (Raw.Backend backend = new Raw.Backend((socket, in, out) -> {
            Raw.readRequest(in);
            out.write(Raw.switching().getBytes(StandardCharsets.ISO_8859_1));
            out.write(in.read());
            in.read();
        });
             Front front = new Front(engine.settings, Front.prefix("/ws", Front.tcp(backend.address())))) {
            close(open(front, 20, ""));
            long plain = heapPerTunnel(front, "");
            long withCookie = heapPerTunnel(front, "Cookie: session=" + "c".repeat(COOKIE_BYTES));
            assertTrue(withCookie - plain < COOKIE_BYTES / 2, "a tunnel upgraded with an 8 KiB cookie keeps " + withCookie
                    + " bytes of heap, one without " + plain);
        }
    }

    /** The heap that {@link #TUNNELS} open tunnels upgraded with {@code header} keep, per tunnel. */
    private static long heapPerTunnel(Front front, String header) throws IOException {
        long before = heapAfterGc();
        List<Socket> clients = open(front, TUNNELS, header);
        try {
            return (heapAfterGc() - before) / TUNNELS;
        } finally {
            close(clients);
        }
    }

    /** Opens {@code n} tunnels, each proven by a byte the backend echoes. */
    private static List<Socket> open(Front front, int n, String header) throws IOException {
        List<Socket> clients = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Socket client = Raw.connect(front);
            clients.add(client);
            Raw.send(client, header.isEmpty() ? Raw.upgradeHead("/ws") : Raw.upgradeHead("/ws", header));
            String head = Raw.readHead(client.getInputStream());
            assertTrue(head.startsWith("HTTP/1.1 101 "), head);
            Raw.send(client, "!");
            assertEquals("!", Raw.readExactly(client.getInputStream(), 1));
        }
        return clients;
    }

    private static long heapAfterGc() {
        System.gc();
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static void close(List<Socket> clients) throws IOException {
        for (Socket client : clients) {
            client.close();
        }
    }
}
