package dev.wsproxy.server.proxy;

import dev.wsproxy.config.model.AccessControl;
import dev.wsproxy.config.model.BackendAddress;
import dev.wsproxy.config.model.ContextUri;
import dev.wsproxy.config.model.ScriptHandlers;
import dev.wsproxy.config.model.SymlinkPolicy;
import dev.wsproxy.config.model.VirtualHost;
import dev.wsproxy.config.model.WebSocketRoute;
import dev.wsproxy.config.source.Span;
import io.undertow.Undertow;
import io.undertow.util.Headers;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * A minimal real Undertow server with the WebSocket routing of one hand-made vhost in front of a fallback that
 * answers plain requests with 200 "plain"; it records the access-log lines.
 */
final class Front implements AutoCloseable {

    final BlockingQueue<String> accessLog = new LinkedBlockingQueue<>();
    private final Undertow undertow;

    Front(TunnelSettings settings, WebSocketRoute... routes) {
        this("127.0.0.1", settings, routes);
    }

    Front(String host, TunnelSettings settings, WebSocketRoute... routes) {
        VirtualHost vhost = new VirtualHost("test", Path.of("/tmp"), Path.of("/tmp"), "localhost", List.of(),
                SymlinkPolicy.OLS_DEFAULT, ScriptHandlers.NONE, AccessControl.ALLOW_ALL, Map.of(), Optional.empty(), List.of(),
                Arrays.asList(routes), Optional.empty(), Span.none());
        undertow = Undertow.builder()
                .setIoThreads(2)
                .addHttpListener(0, host)
                .setHandler(new WebSocketRouting(settings).wrap(vhost, accessLog::add, exchange -> {
                    exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/plain");
                    exchange.getResponseSender().send("plain");
                }))
                .build();
        undertow.start();
    }

    static WebSocketRoute prefix(String uri, BackendAddress backend) {
        return new WebSocketRoute(new ContextUri.Prefix(uri, uri), backend, Duration.ZERO, Span.none());
    }

    static WebSocketRoute regex(String regex, BackendAddress backend) {
        return new WebSocketRoute(new ContextUri.Regex("exp:" + regex, Pattern.compile(regex)), backend,
                Duration.ZERO, Span.none());
    }

    static WebSocketRoute withIdle(WebSocketRoute route, Duration idle) {
        return new WebSocketRoute(route.uri(), route.backend(), idle, route.span());
    }

    static BackendAddress tcp(InetSocketAddress address) {
        String host = address.getAddress().getHostAddress();
        String text = (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort();
        return new BackendAddress.Tcp(text, host, address.getPort());
    }

    static BackendAddress unix(Path path) {
        return new BackendAddress.Unix("unix:" + path, path);
    }

    InetSocketAddress address() {
        return (InetSocketAddress) undertow.getListenerInfo().get(0).getAddress();
    }

    int port() {
        return address().getPort();
    }

    URI ws(String pathAndQuery) {
        String host = address().getAddress().getHostAddress();
        return URI.create("ws://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port() + pathAndQuery);
    }

    /** The next access-log line, waiting up to 10 s. */
    String nextLogLine() throws InterruptedException {
        String line = accessLog.poll(10, TimeUnit.SECONDS);
        if (line == null) {
            throw new AssertionError("no access-log line within 10 s");
        }
        return line;
    }

    @Override
    public void close() {
        undertow.stop();
    }
}
