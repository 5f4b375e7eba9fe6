package dev.wsproxy.server;

/** Why the server cannot start, in words an operator can act on (which listener, which file, what to change). */
public final class StartupException extends Exception {

    public StartupException(String message) {
        super(message);
    }

    public StartupException(String message, Throwable cause) {
        super(message, cause);
    }
}
