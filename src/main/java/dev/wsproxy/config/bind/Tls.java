package dev.wsproxy.config.bind;

import dev.wsproxy.config.ast.Block;
import dev.wsproxy.config.ast.Directive;
import dev.wsproxy.config.model.SessionResumption;
import dev.wsproxy.config.model.TlsSettings;
import dev.wsproxy.config.source.Span;
import dev.wsproxy.config.value.PathResolver;
import java.util.Optional;

/** Reads the certificate keys shared by {@code listener} and {@code vhssl} into {@link TlsSettings}. */
final class Tls {
    private Tls() {
    }

    /** OLS offers h2 and h3 when enableSpdy is unset (configctx.cpp:878, default 12). */
    private static final int OLS_DEFAULT_SPDY = 12;
    /** OLS's bounds on sslSessionTicketLifetime; a value outside them gets the default, as in OLS. */
    private static final int MIN_TICKET_LIFETIME = 600;
    private static final int MAX_TICKET_LIFETIME = 86_400;

    /** A listener's settings when both {@code keyFile} and {@code certFile} are given, with the tuning's resumption keys. */
    static Optional<TlsSettings> readListener(Block block, Block tuning, PathResolver paths, Span span) {
        return read(block, paths, span).map(tls -> new TlsSettings(tls.keyFile(), tls.certFile(), tls.caCertFile(),
                tls.sslProtocol(), tls.ciphers(), tls.enableSpdy(), resumption(block, tuning, paths), tls.span()));
    }

    /** The settings when both {@code keyFile} and {@code certFile} are given. */
    static Optional<TlsSettings> read(Block block, PathResolver paths, Span span) {
        Optional<String> key = block.value("keyFile");
        Optional<String> cert = block.value("certFile");
        if (key.isEmpty() || cert.isEmpty()) {
            return Optional.empty();
        }
        Span where = block.first("certFile").map(Directive::span).orElse(span);
        return Optional.of(new TlsSettings(paths.resolve(key.get()), paths.resolve(cert.get()),
                block.value("CACertFile").map(paths::resolve), Settings.intOr(block, "sslProtocol", 0),
                block.value("ciphers"), Settings.intOr(block, "enableSpdy", OLS_DEFAULT_SPDY), where));
    }

    /** The listener asks for the cache and the tickets; the server's tuning lets it have them (both default to on). */
    private static SessionResumption resumption(Block listener, Block tuning, PathResolver paths) {
        SessionResumption ols = SessionResumption.OLS_DEFAULT;
        int lifetime = Settings.intOr(tuning, "sslSessionTicketLifetime", ols.ticketLifetimeSeconds());
        return new SessionResumption(
                Settings.bool(listener, "sslSessionCache").orElse(ols.cache())
                        && Settings.bool(tuning, "sslSessionCache").orElse(true),
                Settings.intOr(tuning, "sslSessionCacheSize", ols.cacheSize()),
                Settings.intOr(tuning, "sslSessionCacheTimeout", ols.cacheTimeoutSeconds()),
                Settings.bool(listener, "sslSessionTickets").orElse(ols.tickets())
                        && Settings.bool(tuning, "sslSessionTickets").orElse(true),
                lifetime < MIN_TICKET_LIFETIME || lifetime > MAX_TICKET_LIFETIME ? ols.ticketLifetimeSeconds() : lifetime,
                tuning.value("sslSessionTicketKeyFile").map(paths::resolve));
    }
}
