package dev.wsproxy.server.platform;

import io.undertow.server.AbstractServerConnection;
import io.undertow.server.HttpServerExchange;
import java.io.FileDescriptor;
import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.nio.channels.SocketChannel;
import java.util.Optional;

/**
 * Linux {@code TCP_CORK} on the plain TCP connection of an HTTP/1.1 exchange, as nginx's {@code tcp_nopush}
 * sets it around a {@code sendfile} response. Uncorked, a socket whose peer opens its receive window a little
 * at a time sends one sub-MSS segment per window update; on loopback that moves the sending into the
 * client's ACK processing and cut a 1 MiB file's rate to 0.6 of nginx's (docs/internals.md, "Why TCP_CORK").
 * The JDK has no public option for it, so this calls the JDK's own internal {@code setsockopt} (the jar's
 * manifest opens {@code java.base/sun.nio.ch}); where that is not possible (TLS, HTTP/2, another JDK or OS)
 * it does nothing and the response goes out uncorked, just slower.
 */
public final class TcpCork {

    private static final int IPPROTO_TCP = 6;
    private static final int TCP_CORK = 3;
    private static final boolean LINUX = System.getProperty("os.name", "").startsWith("Linux");
    /** {@code Net.setIntOption0(fd, mayNeedConversion, level, option, value, isIPv6)}: the JDK's setsockopt. */
    private static final MethodHandle SET_INT_OPTION = JdkInternals.staticMethod("sun.nio.ch.Net", "setIntOption0",
            void.class, FileDescriptor.class, boolean.class, int.class, int.class, int.class, boolean.class);
    private static final boolean AVAILABLE = LINUX && SET_INT_OPTION != null && SocketCalls.AVAILABLE;

    private TcpCork() {
    }

    /** Whether corking works in this JVM; false where the JDK internals it needs are closed or missing. */
    public static boolean available() {
        return AVAILABLE;
    }

    /** Whether this is Linux, where corking would work, but the JVM was started without opening what it needs. */
    public static boolean closedByJvm() {
        return LINUX && !AVAILABLE;
    }

    /** Holds back partial segments of {@code exchange}'s connection until {@link #release}; false if it cannot. */
    public static boolean hold(HttpServerExchange exchange) {
        return set(exchange, 1);
    }

    /** Sends what {@link #hold} held back and lets later writes go out at once again. */
    public static void release(HttpServerExchange exchange) {
        set(exchange, 0);
    }

    private static boolean set(HttpServerExchange exchange, int value) {
        if (!AVAILABLE || !(exchange.getConnection() instanceof AbstractServerConnection server)) {
            return false;
        }
        Optional<SocketChannel> channel = XnioChannels.channelOf(server.getChannel());
        if (channel.isEmpty()) {
            return false;
        }
        try {
            SET_INT_OPTION.invokeExact(SocketCalls.descriptorOf(channel.get()), false, IPPROTO_TCP, TCP_CORK, value,
                    false);
            return true;
        } catch (IOException | RuntimeException e) {
            // the socket closed meanwhile, or the platform refuses the option: the response goes out uncorked
            return false;
        } catch (Throwable e) {
            throw JdkInternals.unchecked(e);
        }
    }
}
