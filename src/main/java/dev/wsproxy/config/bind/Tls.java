package dev.wsproxy.config.bind;

import dev.wsproxy.config.ast.Block;
import dev.wsproxy.config.ast.Directive;
import dev.wsproxy.config.model.TlsSettings;
import dev.wsproxy.config.source.Span;
import dev.wsproxy.config.value.PathResolver;
import java.util.Optional;

/** Reads the certificate keys shared by {@code listener} and {@code vhssl} into {@link TlsSettings}. */
final class Tls {
    private Tls() {
    }

    /** The settings when both {@code keyFile} and {@code certFile} are given. */
    /** OLS offers h2 and h3 when enableSpdy is unset (configctx.cpp:878, default 12). */
    private static final int OLS_DEFAULT_SPDY = 12;

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
}
