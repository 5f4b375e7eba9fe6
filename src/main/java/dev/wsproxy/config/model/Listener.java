package dev.wsproxy.config.model;

import dev.wsproxy.config.source.Span;
import java.util.List;
import java.util.Optional;

/**
 * A {@code listener} block: the address it binds, whether its socket shares the port ({@code reusePort}, OLS's
 * default 1), TLS when {@code secure 1}, and its Host → vhost map in the order OLS builds it (vhost
 * {@code listeners} keys, then {@code map} lines, then templates).
 */
public record Listener(String name, ListenAddress address, boolean secure, Optional<TlsSettings> tls,
                       List<HostMapping> mappings, boolean reusePort, Span span) {

    public Listener {
        mappings = List.copyOf(mappings);
    }

    /** A listener with {@code reusePort} at its default, on. */
    public Listener(String name, ListenAddress address, boolean secure, Optional<TlsSettings> tls,
                    List<HostMapping> mappings, Span span) {
        this(name, address, secure, tls, mappings, true, span);
    }
}
