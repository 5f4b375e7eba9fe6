package dev.wsproxy.server.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** wsproxy's own epoll set on a real loopback connection (the tests run with {@code sun.nio.ch} opened). */
class EpollTest {

    @Test
    void reportsEachChangeOnceEdgeTriggered() throws Exception {
        assertTrue(Epoll.AVAILABLE);
        try (ServerSocketChannel server = ServerSocketChannel.open()
                .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
             SocketChannel writer = SocketChannel.open(server.getLocalAddress());
             SocketChannel reader = server.accept();
             Epoll epoll = new Epoll(16)) {
            reader.configureBlocking(false);
            int fd = Epoll.numberOf(reader);
            epoll.add(fd);
            assertEquals(Epoll.OUT, eventsOf(epoll, fd, 1000) & (Epoll.IN | Epoll.OUT), "writable, nothing to read");
            assertEquals(0, eventsOf(epoll, fd, 100), "no change, no event");

            writer.write(ByteBuffer.wrap(new byte[] {1, 2, 3}));
            assertEquals(Epoll.IN, eventsOf(epoll, fd, 1000) & Epoll.IN);
            assertEquals(3, reader.read(ByteBuffer.allocate(16)));

            writer.shutdownOutput();
            assertEquals(Epoll.RDHUP, eventsOf(epoll, fd, 1000) & Epoll.RDHUP, "the peer's half-close");

            epoll.remove(fd);
            writer.close();
            assertEquals(0, eventsOf(epoll, fd, 100), "a removed socket reports nothing");
        }
    }

    @Test
    void eachWakeEndsOneWaitWithoutLimitFromAnotherThread() throws Exception {
        try (Epoll epoll = new Epoll(4)) {
            for (int round = 0; round < 2; round++) {
                CompletableFuture<Integer> waited = CompletableFuture.supplyAsync(() -> {
                    try {
                        return epoll.await(-1);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
                Thread.sleep(100);
                epoll.wake();
                assertEquals(1, waited.get(5, TimeUnit.SECONDS), "the wake-up's own event");
                assertEquals(0, epoll.await(100), "a wake ends one wait, not every later one");
            }
        }
    }

    /** The bits of {@code fd}'s event in one wait of up to {@code millis}, 0 without one. */
    private static int eventsOf(Epoll epoll, int fd, int millis) throws Exception {
        int n = epoll.await(millis);
        int bits = 0;
        for (int i = 0; i < n; i++) {
            if (epoll.descriptor(i) == fd) {
                bits |= epoll.events(i);
            }
        }
        return bits;
    }
}
