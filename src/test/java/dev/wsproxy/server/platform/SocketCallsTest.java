package dev.wsproxy.server.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.FileDescriptor;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** recv and send on a channel's descriptor, on a real loopback connection. */
class SocketCallsTest {

    @Test
    void readsWritesAndSeesTheEndOfInput() throws Exception {
        assertTrue(SocketCalls.AVAILABLE);
        try (ServerSocketChannel server = listen();
             Socket peer = connect(server);
             SocketChannel channel = accept(server)) {
            FileDescriptor fd = SocketCalls.descriptorOf(channel);
            ByteBuffer buffer = ByteBuffer.allocateDirect(64);
            assertEquals(0, SocketCalls.read(fd, buffer), "nothing there yet");

            peer.getOutputStream().write("ping".getBytes(StandardCharsets.US_ASCII));
            assertEquals("ping", readSome(fd, buffer));

            assertEquals(4, SocketCalls.write(fd, direct("pong")));
            assertEquals("pong", new String(peer.getInputStream().readNBytes(4), StandardCharsets.US_ASCII));

            peer.shutdownOutput();
            assertEquals(-1, readUntilSomething(fd, buffer.clear()), "the peer's half-close");
        }
    }

    @Test
    void aGuardSelectorKeepsAClosedChannelsDescriptorUntilItLetsGo() throws Exception {
        try (ServerSocketChannel server = listen();
             Socket peer = connect(server);
             Selector guard = Selector.open()) {
            SocketChannel channel = accept(server);
            FileDescriptor fd = SocketCalls.descriptorOf(channel);
            channel.register(guard, 0);
            channel.close();
            peer.getOutputStream().write("late".getBytes(StandardCharsets.US_ASCII));
            assertEquals("late", readSome(fd, ByteBuffer.allocateDirect(16)), "the descriptor still reads its socket");

            guard.selectNow();
            assertThrows(IOException.class, () -> SocketCalls.read(fd, ByteBuffer.allocateDirect(16)),
                    "deregistered, the channel's close completes and the descriptor is gone");
        }
    }

    private static ServerSocketChannel listen() throws IOException {
        return ServerSocketChannel.open().bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    }

    private static Socket connect(ServerSocketChannel server) throws IOException {
        return new Socket(InetAddress.getLoopbackAddress(), server.socket().getLocalPort());
    }

    private static SocketChannel accept(ServerSocketChannel server) throws IOException {
        SocketChannel channel = server.accept();
        channel.configureBlocking(false);
        return channel;
    }

    private static ByteBuffer direct(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        return ByteBuffer.allocateDirect(bytes.length).put(bytes).flip();
    }

    /** Reads until a read returns something other than 0, for up to 5 s, and returns that. */
    private static int readUntilSomething(FileDescriptor fd, ByteBuffer buffer) throws Exception {
        long deadline = System.nanoTime() + 5_000_000_000L;
        int n;
        while ((n = SocketCalls.read(fd, buffer)) == 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        return n;
    }

    private static String readSome(FileDescriptor fd, ByteBuffer buffer) throws Exception {
        buffer.clear();
        readUntilSomething(fd, buffer);
        buffer.flip();
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return new String(bytes, StandardCharsets.US_ASCII);
    }
}
