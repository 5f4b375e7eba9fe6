package dev.wsproxy.server.platform;

import sun.misc.Signal;

/** The JDK's unsupported signal API ({@code sun.misc.Signal}) behind one call. */
public final class SignalHandlers {

    private SignalHandlers() {
    }

    /** Runs {@code action} on every {@code SIG<name>} (TERM, INT, HUP, USR1, USR2) from now on, in place of the JVM's own. */
    public static void on(String name, Runnable action) {
        Signal.handle(new Signal(name), signal -> action.run());
    }
}
