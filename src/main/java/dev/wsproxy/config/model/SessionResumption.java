package dev.wsproxy.config.model;

import java.nio.file.Path;
import java.util.Optional;

/**
 * How a secure listener lets clients resume a TLS session without a new key exchange: a server-side session
 * cache (OLS's {@code sslSessionCache}) and session tickets ({@code sslSessionTickets}), each on only when both
 * the listener and the server's {@code tuning} have it on, as in OLS.
 *
 * @param cacheSize             {@code sslSessionCacheSize}: sessions the cache keeps
 * @param cacheTimeoutSeconds   {@code sslSessionCacheTimeout}: how long a cached session can be resumed
 * @param ticketLifetimeSeconds {@code sslSessionTicketLifetime}: how long one ticket key issues tickets; a ticket
 *                              stays valid until the key after next replaces it
 * @param ticketKeyFile         {@code sslSessionTicketKeyFile}: 48 bytes (name, AES key, HMAC key) used for every
 *                              ticket instead of keys of the server's own, so that several servers share tickets
 */
public record SessionResumption(boolean cache, int cacheSize, int cacheTimeoutSeconds, boolean tickets,
                                int ticketLifetimeSeconds, Optional<Path> ticketKeyFile) {

    /** OLS's defaults: no session cache on a listener (tuning's is on, but a listener must ask), tickets on. */
    public static final SessionResumption OLS_DEFAULT =
            new SessionResumption(false, 1_000_000, 216_000, true, 3600, Optional.empty());
}
