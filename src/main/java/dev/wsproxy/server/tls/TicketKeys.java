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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The keys listeners encrypt their session tickets with: the one in {@code sslSessionTicketKeyFile}, or the process's
 * own, a new one every {@code sslSessionTicketLifetime} with the one before still accepted, as OLS rotates them. The
 * process's own keys outlive a reload, so that tickets issued before it still resume.
 */
final class TicketKeys {
    /** OLS's key file: a 16-byte key name, a 16-byte AES key and a 16-byte HMAC key. */
    private static final int FILE_SIZE = 48;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Map<Integer, TicketKeys> OWN_BY_LIFETIME = new ConcurrentHashMap<>();

    private final long lifetimeNanos;
    private volatile List<OpenSslSessionTicketKey> keys;
    private volatile long renewAt;

    private TicketKeys(List<OpenSslSessionTicketKey> keys, long lifetimeNanos) {
        this.keys = keys;
        this.lifetimeNanos = lifetimeNanos;
        this.renewAt = System.nanoTime() + lifetimeNanos;
    }

    /** The keys {@code resumption} asks for; none when tickets are off. */
    static Optional<TicketKeys> of(String where, SessionResumption resumption) throws TlsSetupException {
        if (!resumption.tickets()) {
            return Optional.empty();
        }
        if (resumption.ticketKeyFile().isPresent()) {
            return Optional.of(new TicketKeys(List.of(read(where, resumption.ticketKeyFile().get())), Long.MAX_VALUE));
        }
        int lifetime = resumption.ticketLifetimeSeconds();
        return Optional.of(OWN_BY_LIFETIME.computeIfAbsent(lifetime,
                seconds -> new TicketKeys(List.of(fresh()), TimeUnit.SECONDS.toNanos(seconds))));
    }

    /** The keys now, the one that issues tickets first; a new one once its lifetime is over. */
    List<OpenSslSessionTicketKey> current() {
        if (lifetimeNanos != Long.MAX_VALUE && System.nanoTime() - renewAt >= 0) {
            synchronized (this) {
                if (System.nanoTime() - renewAt >= 0) {
                    keys = List.of(fresh(), keys.get(0));
                    renewAt = System.nanoTime() + lifetimeNanos;
                }
            }
        }
        return keys;
    }

    /** Gives {@code sessions} the current keys, which turns tickets on; returns them. */
    List<OpenSslSessionTicketKey> installIn(OpenSslSessionContext sessions) {
        List<OpenSslSessionTicketKey> now = current();
        sessions.setTicketKeys(now.toArray(OpenSslSessionTicketKey[]::new));
        return now;
    }

    private static OpenSslSessionTicketKey fresh() {
        return new OpenSslSessionTicketKey(random(), random(), random());
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
