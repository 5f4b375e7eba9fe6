package dev.wsproxy.server.tls;

import dev.wsproxy.config.model.SessionResumption;
import dev.wsproxy.server.TlsContextFactory.TlsSetupException;
import io.netty.handler.ssl.OpenSslSessionContext;
import io.netty.handler.ssl.OpenSslSessionTicketKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The keys a listener encrypts its session tickets with: the one in {@code sslSessionTicketKeyFile}, or keys of its
 * own, a new one every {@code sslSessionTicketLifetime} with the one before still accepted, as OLS rotates them.
 */
final class TicketKeys {
    /** OLS's key file: a 16-byte key name, a 16-byte AES key and a 16-byte HMAC key. */
    private static final int FILE_SIZE = 48;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final OpenSslSessionTicketKey fixed;
    private final long lifetimeNanos;
    private OpenSslSessionTicketKey current;
    private volatile long renewAt;

    private TicketKeys(OpenSslSessionTicketKey fixed, long lifetimeNanos) {
        this.fixed = fixed;
        this.lifetimeNanos = lifetimeNanos;
    }

    /** The keys {@code resumption} asks for; none when tickets are off. */
    static Optional<TicketKeys> of(String where, SessionResumption resumption) throws TlsSetupException {
        if (!resumption.tickets()) {
            return Optional.empty();
        }
        OpenSslSessionTicketKey fixed = null;
        if (resumption.ticketKeyFile().isPresent()) {
            fixed = read(where, resumption.ticketKeyFile().get());
        }
        return Optional.of(new TicketKeys(fixed, TimeUnit.SECONDS.toNanos(resumption.ticketLifetimeSeconds())));
    }

    /** Gives {@code sessions} its first keys, which turns tickets on. */
    synchronized void install(OpenSslSessionContext sessions) {
        if (fixed != null) {
            sessions.setTicketKeys(fixed);
            renewAt = Long.MAX_VALUE;
        } else {
            renew(sessions);
        }
    }

    /** Replaces the key that issues tickets once its lifetime is over; cheap enough to call for every connection. */
    void renewIfDue(OpenSslSessionContext sessions) {
        if (System.nanoTime() - renewAt >= 0) {
            synchronized (this) {
                if (System.nanoTime() - renewAt >= 0) {
                    renew(sessions);
                }
            }
        }
    }

    private void renew(OpenSslSessionContext sessions) {
        OpenSslSessionTicketKey previous = current;
        current = new OpenSslSessionTicketKey(random(), random(), random());
        if (previous == null) {
            sessions.setTicketKeys(current);
        } else {
            sessions.setTicketKeys(current, previous);
        }
        renewAt = System.nanoTime() + lifetimeNanos;
    }

    private static byte[] random() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static OpenSslSessionTicketKey read(String where, Path file) throws TlsSetupException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new TlsSetupException(where + ": sslSessionTicketKeyFile " + file + " cannot be read (" + e.getMessage() + ")", e);
        }
        if (bytes.length != FILE_SIZE) {
            throw new TlsSetupException(where + ": sslSessionTicketKeyFile " + file + " has " + bytes.length
                    + " bytes; it must have 48 (head -c 48 /dev/urandom > FILE makes one)");
        }
        return new OpenSslSessionTicketKey(Arrays.copyOfRange(bytes, 0, 16), Arrays.copyOfRange(bytes, 32, 48),
                Arrays.copyOfRange(bytes, 16, 32));
    }
}
