package dev.wsproxy.server;

import dev.wsproxy.config.model.Listener;
import dev.wsproxy.config.model.VirtualHost;
import java.util.List;
import javax.net.ssl.SSLContext;

/**
 * Builds the TLS context of a {@code secure} listener: its own certificate, and each mapped vhost's
 * {@code vhssl} certificate chosen by SNI.
 */
@FunctionalInterface
public interface TlsContextFactory {

    /**
     * @param vhosts the vhosts mapped to this listener
     * @throws TlsSetupException with the file and the reason when a key or certificate cannot be used
     */
    SSLContext create(Listener listener, List<VirtualHost> vhosts) throws TlsSetupException;

    /** The start-up line naming the TLS implementation, and why when it is a fallback. */
    default String library() {
        return "TLS through the JDK's JSSE";
    }

    /** Whether {@link #library()} is a fallback from a faster implementation that did not load (logged as a warning). */
    default boolean isFallback() {
        return false;
    }

    /** Why a secure listener cannot start: names the file and the reason, never a stack trace. */
    final class TlsSetupException extends Exception {
        public TlsSetupException(String message) {
            super(message);
        }

        public TlsSetupException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
