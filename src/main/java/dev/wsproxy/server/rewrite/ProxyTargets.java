package dev.wsproxy.server.rewrite;

import dev.wsproxy.config.model.BackendAddress;
import dev.wsproxy.config.model.Context;
import dev.wsproxy.config.model.ContextUri;
import dev.wsproxy.config.model.ExtProcessor;
import dev.wsproxy.config.model.WebSocketRoute;
import dev.wsproxy.server.exchange.ExplainStop;
import dev.wsproxy.server.exchange.Outcome;
import dev.wsproxy.server.upstream.Upstreams;
import io.undertow.server.HttpHandler;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The handler a {@code [P]} target names, as OLS reads it: {@code http[s]://NAME/path} is the proxy
 * extprocessor called NAME (not a host), {@code ws://host:port/path} a WebSocket backend at that literal
 * address. Handlers are built once per target and kept.
 */
final class ProxyTargets {

    /**
     * A target split into the handler that serves it and the path (from the first '/') it asks for;
     * {@code webSocket} for a tunnel, which only upgrades take.
     */
    record Target(HttpHandler handler, String path, boolean webSocket) {
    }

    private static final Pattern ANY = Pattern.compile("");

    private final Map<String, ExtProcessor> processors;
    private final Upstreams upstreams;
    private final Function<WebSocketRoute, HttpHandler> tunnels;
    private final Map<String, HttpHandler> built = new ConcurrentHashMap<>();

    /** @param tunnels builds the tunnel handler of a WebSocket route, as a {@code websocket} block's */
    ProxyTargets(Map<String, ExtProcessor> processors, Upstreams upstreams,
                 Function<WebSocketRoute, HttpHandler> tunnels) {
        this.processors = processors;
        this.upstreams = upstreams;
        this.tunnels = tunnels;
    }

    /** The target of {@code url}, or why there is none (the request then gets 500, as in OLS). */
    Result resolve(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        int hostStart = lower.startsWith("http://") || lower.startsWith("ws://") ? lower.indexOf("://") + 3
                : lower.startsWith("https://") || lower.startsWith("wss://") ? lower.indexOf("://") + 3 : -1;
        if (hostStart < 0) {
            return Result.failed("[P] target `" + url + "` is not an http://, https://, ws:// or wss:// URL");
        }
        int slash = url.indexOf('/', hostStart);
        if (slash <= hostStart) {
            return Result.failed("[P] target `" + url + "` has no host or no path after it");
        }
        String host = url.substring(hostStart, slash);
        String path = url.substring(slash);
        if (lower.startsWith("wss://")) {
            return Result.failed("[P] target `" + url + "`: wsproxy does not connect to WebSocket backends over TLS");
        }
        if (lower.startsWith("ws://")) {
            Optional<BackendAddress> address = tcp(host);
            return address.map(a -> Result.of(new Target(built.computeIfAbsent("ws://" + host, k -> tunnels.apply(
                    new WebSocketRoute(new ContextUri.Regex("exp:", ANY), a, Duration.ZERO,
                            dev.wsproxy.config.source.Span.none()))), path, true)))
                    .orElseGet(() -> Result.failed("[P] target `" + url + "` has no host:port"));
        }
        ExtProcessor processor = processors.get(host);
        if (processor == null) {
            return Result.failed("[P] target `" + url + "` names `" + host + "`, which is no proxy extprocessor");
        }
        return Result.of(new Target(built.computeIfAbsent(host, k -> new ExplainStop(
                Outcome.proxy(processor.address().text()), upstreams.handler(new Context.Proxy(
                new ContextUri.Prefix("/", "/"), processor, Optional.empty(), Optional.empty(), List.of(),
                processor.span())))), path, false));
    }

    /** {@code host:port} or {@code [v6]:port}. */
    private static Optional<BackendAddress> tcp(String text) {
        int colon = text.lastIndexOf(':');
        if (colon <= 0 || colon == text.length() - 1 || text.indexOf(']') > colon) {
            return Optional.empty();
        }
        String host = text.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        try {
            int port = Integer.parseInt(text.substring(colon + 1));
            return port > 0 && port < 65536 ? Optional.of(new BackendAddress.Tcp(text, host, port)) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** A target, or why there is none. */
    record Result(Optional<Target> target, String why) {
        static Result of(Target target) {
            return new Result(Optional.of(target), "");
        }

        static Result failed(String why) {
            return new Result(Optional.empty(), why);
        }
    }
}
