package dev.wsproxy.config.model;

import dev.wsproxy.config.source.Span;
import java.time.Duration;

/**
 * A {@code websocket} block: upgrades for {@code uri} go to {@code backend}. {@code idleTimeout} is the
 * wsproxy extension key; {@link Duration#ZERO} means none, as in OLS.
 */
public record WebSocketRoute(ContextUri uri, BackendAddress backend, Duration idleTimeout, Span span) {
}
