package dev.wsproxy.server.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wsproxy.tools.echo.EchoServer;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The epoll loops that splice plain tunnels: where the tunnels run, and that server and loops stop together. */
class TunnelLoopTest {

    @TempDir
    Path dir;

    @Test
    void plainTunnelsRunOnALoopThreadThatStopsWithTheServer() throws Exception {
        assertTrue(awaitLoopThreads(false), "loop threads of earlier servers have stopped");
        try (EchoServer echo = Backends.TCP_IPV4.startEcho(dir, Set.of(), false)) {
            Front front = new Front(TunnelSettings.DEFAULT, Front.prefix("/ws", Backends.TCP_IPV4.address(echo, dir)));
            try {
                WsClient client = WsClient.connect(front.ws("/ws"));
                assertEquals("spliced", client.echoText("spliced"));
                assertTrue(awaitLoopThreads(true), "a wsproxy-tunnels thread carries the tunnel");
            } finally {
                front.close();
            }
            assertTrue(awaitLoopThreads(false), "no wsproxy-tunnels thread outlives its server");
        }
    }

    @Test
    void stoppingTheServerClosesItsSplicedTunnels() throws Exception {
        try (EchoServer echo = Backends.UNIX.startEcho(dir, Set.of(), false)) {
            Front front = new Front(TunnelSettings.DEFAULT, Front.prefix("/ws", Backends.UNIX.address(echo, dir)));
            WsClient client;
            try {
                client = WsClient.connect(front.ws("/ws"));
                assertEquals("before the stop", client.echoText("before the stop"));
            } finally {
                front.close();
            }
            client.closed.get(5, TimeUnit.SECONDS);
        }
    }

    /** Whether, within 3 s, some thread of a tunnel loop is alive ({@code alive}) or none is. */
    private static boolean awaitLoopThreads(boolean alive) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
        while (System.nanoTime() < deadline) {
            boolean any = Thread.getAllStackTraces().keySet().stream()
                    .anyMatch(thread -> thread.getName().startsWith("wsproxy-tunnels-") && thread.isAlive());
            if (any == alive) {
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }
}
