package dev.wsproxy.server.platform;

import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * Method handles on the JDK's internal {@code sun.nio.ch} classes, or null where a class or method is missing or the
 * package is not opened to wsproxy; callers check all theirs at once and do without when any is null.
 */
final class JdkInternals {

    private static final MethodHandles.Lookup LOOKUP = MethodHandles.lookup();

    /** {@code closeIntFD(int)}: closes a descriptor number. */
    static final MethodHandle CLOSE_INT_FD = closeIntFd();

    private JdkInternals() {
    }

    /** It moved from {@code FileDispatcherImpl} to its superclass {@code UnixFileDispatcherImpl} in JDK 21. */
    private static MethodHandle closeIntFd() {
        MethodHandle close = staticMethod("sun.nio.ch.FileDispatcherImpl", "closeIntFD", void.class, int.class);
        return close != null ? close
                : staticMethod("sun.nio.ch.UnixFileDispatcherImpl", "closeIntFD", void.class, int.class);
    }

    static MethodHandle staticMethod(String owner, String name, Class<?> returns, Class<?>... parameters) {
        try {
            Class<?> type = Class.forName(owner);
            return MethodHandles.privateLookupIn(type, LOOKUP)
                    .findStatic(type, name, MethodType.methodType(returns, parameters));
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    /**
     * An instance method of {@code owner}, typed to take {@code receiver} (a public type {@code owner} implements,
     * or Object) instead.
     */
    static MethodHandle virtualMethod(String owner, Class<?> receiver, String name, Class<?> returns) {
        try {
            Class<?> type = Class.forName(owner);
            return MethodHandles.privateLookupIn(type, LOOKUP)
                    .findVirtual(type, name, MethodType.methodType(returns))
                    .asType(MethodType.methodType(returns, receiver));
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    static MethodHandle constructor(String owner, Class<?> as) {
        try {
            Class<?> type = Class.forName(owner);
            return MethodHandles.privateLookupIn(type, LOOKUP)
                    .findConstructor(type, MethodType.methodType(void.class))
                    .asType(MethodType.methodType(as));
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    /** What a method handle threw, as the I/O exception it was, else thrown on unchecked. */
    static IOException rethrown(Throwable e) {
        if (e instanceof IOException io) {
            return io;
        }
        throw unchecked(e);
    }

    static RuntimeException unchecked(Throwable e) {
        if (e instanceof RuntimeException runtime) {
            return runtime;
        }
        if (e instanceof Error error) {
            throw error;
        }
        return new IllegalStateException(e);
    }
}
