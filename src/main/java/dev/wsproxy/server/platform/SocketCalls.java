package dev.wsproxy.server.platform;

import java.io.FileDescriptor;
import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

/**
 * {@code recv} and {@code send} on a JDK socket channel's descriptor, through the JDK's internal natives, as nginx
 * relays. The channel's own {@code read} and {@code write} go through the kernel's file layers, about 5% more CPU
 * per 64-byte message (perf), and through the channel's locks and state checks. Those checks are also what keeps a
 * closing channel's descriptor number from being reused under a reader; a caller of these methods must keep the
 * channel registered with a selector of its own while it reads and writes, which defers the descriptor's close
 * until that selector deregisters it. Buffers must be direct.
 */
public final class SocketCalls {

    private static final String DATAGRAM = "sun.nio.ch.DatagramDispatcher";
    private static final MethodHandle CHANNEL_FD = JdkInternals.virtualMethod("sun.nio.ch.SelChImpl",
            SocketChannel.class, "getFD", FileDescriptor.class);
    private static final MethodHandle RECV = JdkInternals.staticMethod(DATAGRAM, "read0",
            int.class, FileDescriptor.class, long.class, int.class);
    private static final MethodHandle SEND = JdkInternals.staticMethod(DATAGRAM, "write0",
            int.class, FileDescriptor.class, long.class, int.class);
    private static final MethodHandle ADDRESS = JdkInternals.virtualMethod("sun.nio.ch.DirectBuffer",
            ByteBuffer.class, "address", long.class);

    /** Whether this JVM lets wsproxy make these calls. */
    public static final boolean AVAILABLE = CHANNEL_FD != null && RECV != null && SEND != null && ADDRESS != null;

    /** What the JDK's natives answer for end of input instead of a count (others: nothing now, interrupted). */
    private static final int EOF = -1;

    private SocketCalls() {
    }

    /** The descriptor object of {@code channel}, a JDK socket channel. */
    public static FileDescriptor descriptorOf(SocketChannel channel) {
        try {
            return (FileDescriptor) CHANNEL_FD.invokeExact(channel);
        } catch (Throwable e) {
            throw JdkInternals.unchecked(e);
        }
    }

    /**
     * Reads into {@code buffer} from its position to its limit.
     *
     * @return how many bytes, 0 when none are there now, -1 at end of input
     */
    public static int read(FileDescriptor fd, ByteBuffer buffer) throws IOException {
        int n = call(true, fd, buffer);
        return n == EOF ? -1 : Math.max(n, 0);
    }

    /**
     * Writes what {@code buffer} has from its position to its limit, as much as the socket takes now.
     *
     * @return how many bytes
     */
    public static int write(FileDescriptor fd, ByteBuffer buffer) throws IOException {
        return Math.max(call(false, fd, buffer), 0);
    }

    /**
     * {@code recv} into, or {@code send} from, {@code buffer}'s remaining bytes, moving its position past those
     * done; both natives stay constants of their own, so the JIT calls them directly.
     *
     * @return the native's answer: a count, or one of its negative codes
     */
    private static int call(boolean receive, FileDescriptor fd, ByteBuffer buffer) throws IOException {
        int position = buffer.position();
        int n;
        try {
            long address = address(buffer) + position;
            int length = buffer.limit() - position;
            n = receive ? (int) RECV.invokeExact(fd, address, length) : (int) SEND.invokeExact(fd, address, length);
        } catch (Throwable e) {
            throw JdkInternals.rethrown(e);
        }
        if (n > 0) {
            buffer.position(position + n);
        }
        return n;
    }

    private static long address(ByteBuffer buffer) throws Throwable {
        return (long) ADDRESS.invokeExact(buffer);
    }
}
