package dev.wsproxy.server.platform;

import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.nio.channels.SocketChannel;

/**
 * A Linux epoll set of wsproxy's own, reached through the JDK's internal {@code sun.nio.ch.EPoll}: the system calls
 * the JDK's selector makes, without its per-event bookkeeping (a boxed descriptor and a hash lookup per event, a set
 * of selected keys, a lock), and edge-triggered, as nginx uses epoll. It needs {@code java.base/sun.nio.ch} opened,
 * as the jar's manifest does; {@link #AVAILABLE} says whether it is. Only {@link #wake} may be called from a thread
 * other than the one that awaits.
 */
public final class Epoll implements AutoCloseable {

    /** Event bits, as Linux defines them. */
    public static final int IN = 0x001;
    public static final int OUT = 0x004;
    public static final int ERR = 0x008;
    public static final int HUP = 0x010;
    public static final int RDHUP = 0x2000;
    private static final int EDGE_TRIGGERED = 1 << 31;

    private static final int CTL_ADD = 1;
    private static final int CTL_DEL = 2;

    private static final String EPOLL = "sun.nio.ch.EPoll";
    private static final String EVENT_FD = "sun.nio.ch.EventFD";
    private static final MethodHandle CREATE = JdkInternals.staticMethod(EPOLL, "create", int.class);
    private static final MethodHandle CTL = JdkInternals.staticMethod(EPOLL, "ctl", int.class,
            int.class, int.class, int.class, int.class);
    private static final MethodHandle WAIT = JdkInternals.staticMethod(EPOLL, "wait", int.class,
            int.class, long.class, int.class, int.class);
    private static final MethodHandle ALLOCATE = JdkInternals.staticMethod(EPOLL, "allocatePollArray", long.class,
            int.class);
    private static final MethodHandle FREE = JdkInternals.staticMethod(EPOLL, "freePollArray", void.class, long.class);
    private static final MethodHandle EVENT = JdkInternals.staticMethod(EPOLL, "getEvent", long.class,
            long.class, int.class);
    private static final MethodHandle EVENT_DESCRIPTOR = JdkInternals.staticMethod(EPOLL, "getDescriptor", int.class,
            long.class);
    private static final MethodHandle EVENT_BITS = JdkInternals.staticMethod(EPOLL, "getEvents", int.class, long.class);
    private static final MethodHandle NEW_EVENT_FD = JdkInternals.constructor(EVENT_FD, Object.class);
    private static final MethodHandle EVENT_FD_NUMBER = JdkInternals.virtualMethod(EVENT_FD, Object.class, "efd",
            int.class);
    private static final MethodHandle EVENT_FD_SET = JdkInternals.virtualMethod(EVENT_FD, Object.class, "set",
            void.class);
    private static final MethodHandle EVENT_FD_CLOSE = JdkInternals.virtualMethod(EVENT_FD, Object.class, "close",
            void.class);
    private static final MethodHandle CHANNEL_FD = JdkInternals.virtualMethod("sun.nio.ch.SelChImpl",
            SocketChannel.class, "getFDVal", int.class);

    /** Whether this JVM lets wsproxy use epoll directly. */
    public static final boolean AVAILABLE = CREATE != null && CTL != null && WAIT != null && ALLOCATE != null
            && FREE != null && EVENT != null && EVENT_DESCRIPTOR != null && EVENT_BITS != null
            && JdkInternals.CLOSE_INT_FD != null && NEW_EVENT_FD != null && EVENT_FD_NUMBER != null
            && EVENT_FD_SET != null && EVENT_FD_CLOSE != null && CHANNEL_FD != null;

    private final int epfd;
    private final long events;
    private final int capacity;
    private final Object wakeup;
    private final int wakeupFd;
    private boolean closed;

    /** @param capacity how many events one {@link #await} may return at most */
    public Epoll(int capacity) throws IOException {
        if (!AVAILABLE) {
            throw new IOException("java.base/sun.nio.ch is not opened to wsproxy");
        }
        this.capacity = capacity;
        try {
            this.epfd = (int) CREATE.invokeExact();
            this.events = (long) ALLOCATE.invokeExact(capacity);
            this.wakeup = (Object) NEW_EVENT_FD.invokeExact();
            this.wakeupFd = (int) EVENT_FD_NUMBER.invokeExact(wakeup);
        } catch (Throwable e) {
            throw JdkInternals.rethrown(e);
        }
        // edge-triggered, every wake is an event of its own, so the wake-up's counter is never read back (it fills
        // after 2^64 wakes): no pass over each wait's events to find it
        control(CTL_ADD, wakeupFd, IN | EDGE_TRIGGERED);
    }

    /** The descriptor number of {@code channel}, a JDK socket channel, as {@link #add} takes it. */
    public static int numberOf(SocketChannel channel) {
        try {
            return (int) CHANNEL_FD.invokeExact(channel);
        } catch (Throwable e) {
            throw JdkInternals.unchecked(e);
        }
    }

    /** Watches {@code fd}, edge-triggered, for input, output and the peer's shutdown. */
    public void add(int fd) throws IOException {
        int errno = control(CTL_ADD, fd, IN | OUT | RDHUP | EDGE_TRIGGERED);
        if (errno != 0) {
            throw new IOException("epoll_ctl(ADD, " + fd + ") failed with errno " + errno);
        }
    }

    /** Stops watching {@code fd}; a descriptor already closed has left the set by itself. */
    public void remove(int fd) {
        control(CTL_DEL, fd, 0);
    }

    private int control(int op, int fd, int interest) {
        try {
            return (int) CTL.invokeExact(epfd, op, fd, interest);
        } catch (Throwable e) {
            throw JdkInternals.unchecked(e);
        }
    }

    /**
     * Waits for events, at most {@code timeoutMillis} (-1: no limit); a {@link #wake} ends the wait early. The
     * wake-up is among the events it returns, with a descriptor of its own that nobody {@link #add}ed.
     *
     * @return how many events {@link #descriptor(int)} and {@link #events(int)} now describe (none when a signal
     *         interrupted the wait)
     */
    public int await(int timeoutMillis) throws IOException {
        int n;
        try {
            n = (int) WAIT.invokeExact(epfd, events, capacity, timeoutMillis);
        } catch (Throwable e) {
            throw JdkInternals.rethrown(e);
        }
        // the JDK's native answers -3 for a wait interrupted by a signal
        return Math.max(n, 0);
    }

    /** The descriptor of event {@code i} of the last {@link #await}. */
    public int descriptor(int i) {
        try {
            return (int) EVENT_DESCRIPTOR.invokeExact(event(i));
        } catch (Throwable e) {
            throw JdkInternals.unchecked(e);
        }
    }

    /** The event bits ({@link #IN}, {@link #OUT}, …) of event {@code i} of the last {@link #await}. */
    public int events(int i) {
        try {
            return (int) EVENT_BITS.invokeExact(event(i));
        } catch (Throwable e) {
            throw JdkInternals.unchecked(e);
        }
    }

    private long event(int i) throws Throwable {
        return (long) EVENT.invokeExact(events, i);
    }

    /** Ends the current or the next {@link #await} early; any thread may call it, also after {@link #close}. */
    public synchronized void wake() {
        if (closed) {
            // the wake-up's descriptor number may belong to another file by now
            return;
        }
        try {
            EVENT_FD_SET.invokeExact(wakeup);
        } catch (Throwable e) {
            // the wake-up cannot fail short of a closed descriptor, which closed guards against
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            EVENT_FD_CLOSE.invokeExact(wakeup);
            JdkInternals.CLOSE_INT_FD.invokeExact(epfd);
            FREE.invokeExact(events);
        } catch (Throwable e) {
            // closing gives back descriptors and memory; after a failure there is nothing else to do
        }
    }
}
