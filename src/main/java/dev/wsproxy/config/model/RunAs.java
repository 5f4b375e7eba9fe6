package dev.wsproxy.config.model;

import dev.wsproxy.config.source.Span;
import java.util.Optional;

/**
 * The server's {@code user} and {@code group}: whom a server started as root becomes once its listeners are bound
 * and its logs open. Unset group means the user's primary group, as in OLS.
 */
public record RunAs(Optional<Named> user, Optional<Named> group) {

    /** Neither key set. */
    public static final RunAs UNSET = new RunAs(Optional.empty(), Optional.empty());

    /** A user or group name (or number) as written, and where. */
    public record Named(String name, Span span) {
    }
}
