package dev.wsproxy.server.platform;

import java.lang.invoke.MethodHandle;
import java.nio.channels.ServerSocketChannel;
import java.util.OptionalInt;

/** The descriptor number under a JDK server socket channel, for the socket options the JDK does not set. */
public final class ServerChannels {

    private static final MethodHandle FD_VAL = JdkInternals.virtualMethod("sun.nio.ch.SelChImpl",
            ServerSocketChannel.class, "getFDVal", int.class);

    private ServerChannels() {
    }

    /** The descriptor of {@code channel}, or empty when this JVM does not open {@code sun.nio.ch} to wsproxy. */
    public static OptionalInt descriptorOf(ServerSocketChannel channel) {
        if (FD_VAL == null) {
            return OptionalInt.empty();
        }
        try {
            return OptionalInt.of((int) FD_VAL.invokeExact(channel));
        } catch (Throwable e) {
            throw JdkInternals.unchecked(e);
        }
    }
}
