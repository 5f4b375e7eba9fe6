package dev.wsproxy.server.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wsproxy.tools.echo.EchoServer;
import java.lang.management.ManagementFactory;
import java.net.Socket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Many tunnels at once through one server, on a fixed handful of threads, for TCP and Unix-socket backends. */
class TunnelConcurrencyTest {

    private static final int TUNNELS = 1000;

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(value = Backends.class, names = {"TCP_IPV4", "UNIX"})
    @Timeout(90)
    void carriesAThousandConcurrentTunnelsWithoutAThreadEach(Backends kind) throws Exception {
        try (EchoServer echo = kind.startEcho(dir, Set.of(), false);
             Front front = new Front(TunnelSettings.DEFAULT, Front.prefix("/ws", kind.address(echo, dir)))) {
            int threadsBefore = ManagementFactory.getThreadMXBean().getThreadCount();
            List<Socket> clients = new ArrayList<>();
            try {
                for (int i = 0; i < TUNNELS; i++) {
                    Socket client = Raw.connect(front);
                    clients.add(client);
                    Raw.send(client, Raw.upgradeHead("/ws/" + i));
                }
                for (Socket client : clients) {
                    String head = Raw.readHead(client.getInputStream());
                    assertTrue(head.startsWith("HTTP/1.1 101 "), head);
                }
                for (int i = 0; i < TUNNELS; i++) {
                    clients.get(i).getOutputStream().write(Raw.maskedText("message " + i));
                }
                for (int i = 0; i < TUNNELS; i++) {
                    assertEquals("message " + i, Raw.readTextFrame(clients.get(i).getInputStream()));
                }
                int threadsDuring = ManagementFactory.getThreadMXBean().getThreadCount();
                assertTrue(threadsDuring - threadsBefore < 20,
                        TUNNELS + " tunnels took " + (threadsDuring - threadsBefore) + " more threads");
            } finally {
                for (Socket client : clients) {
                    client.close();
                }
            }
            for (int i = 0; i < TUNNELS; i++) {
                assertTrue(front.nextLogLine().contains("\" 101 "), "every tunnel ends and is logged");
            }
        }
    }
}
