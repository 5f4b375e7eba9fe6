package dev.wsproxy.cli;

import dev.wsproxy.server.platform.SignalHandlers;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The signals {@code serve} acts on, queued in arrival order for its main thread: TERM and INT stop, HUP and USR1
 * reload in place, USR2 drains for a handover. Handling them itself (instead of a shutdown hook) lets {@code serve}
 * finish a graceful stop and exit with 0, as a service manager expects from a clean stop.
 */
final class ServeSignals {

    /** What a signal, or the server itself, asks {@code serve} to do next. */
    enum Action { STOP, RELOAD, DRAIN, ENDED }

    /**
     * The environment variable that moves HotSpot's thread suspend/resume signal, SIGUSR2 by default: with it there,
     * a SIGUSR2 sent to the process enters the JVM's own handler, which aborts it.
     */
    static final String SUSPEND_SIGNAL_VARIABLE = "_JAVA_SR_SIGNUM";

    /** HotSpot takes a number above SIGSEGV (11) and below NSIG; SIGUSR2 is 12, and Linux's NSIG 65. */
    private static final int SIGUSR2 = 12;
    private static final int NSIG = 65;

    private final BlockingQueue<Action> actions = new LinkedBlockingQueue<>();
    private final boolean drainsOnUsr2;

    ServeSignals() {
        on(Action.STOP, "TERM", "INT");
        on(Action.RELOAD, "HUP", "USR1");
        drainsOnUsr2 = usr2IsFree(Optional.ofNullable(System.getenv(SUSPEND_SIGNAL_VARIABLE)));
        if (drainsOnUsr2) {
            on(Action.DRAIN, "USR2");
        }
    }

    private void on(Action action, String... names) {
        for (String name : names) {
            SignalHandlers.on(name, () -> actions.add(action));
        }
    }

    /**
     * Whether this JVM left SIGUSR2 to the program: only when {@code _JAVA_SR_SIGNUM} moved its suspend signal
     * elsewhere. Taking SIGUSR2 otherwise would displace HotSpot's handler, and its thread sampling with it.
     */
    static boolean usr2IsFree(Optional<String> suspendSignal) {
        try {
            int number = Integer.parseInt(suspendSignal.orElse("").trim());
            return number > SIGUSR2 && number < NSIG;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    boolean drainsOnUsr2() {
        return drainsOnUsr2;
    }

    /** Queues {@code action} as if a signal had asked for it. */
    void post(Action action) {
        actions.add(action);
    }

    /** Blocks until the next action. */
    Action next() throws InterruptedException {
        return actions.take();
    }
}
