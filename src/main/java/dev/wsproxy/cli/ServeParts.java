package dev.wsproxy.cli;

import dev.wsproxy.server.ServerParts;
import dev.wsproxy.server.proxy.WebSocketRouting;
import dev.wsproxy.server.tls.PemTlsContextFactory;
import java.nio.file.Path;
import java.util.Optional;

/** The one place that chooses the WebSocket routing and the TLS implementation {@code serve} runs with. */
final class ServeParts {

    private ServeParts() {
    }

    static ServerParts create() {
        return new ServerParts(new WebSocketRouting(), Optional.of(new PemTlsContextFactory(Path.of("").toAbsolutePath())));
    }
}
