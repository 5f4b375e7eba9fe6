package dev.wsproxy.server.pipeline;

import dev.wsproxy.config.model.Listener;
import dev.wsproxy.config.model.ServerConfig;
import dev.wsproxy.server.exchange.ErrorPageSource;
import dev.wsproxy.server.exchange.Outcome;
import dev.wsproxy.server.exchange.Step;
import dev.wsproxy.server.exchange.Trace;
import dev.wsproxy.server.exchange.UpgradeRouting;
import dev.wsproxy.server.log.IpText;
import dev.wsproxy.server.log.RequestLogs;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HttpString;
import io.undertow.util.Protocols;
import io.undertow.util.URLUtils;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * Takes requests through a config's pipeline, built as the server builds it but with logs that write nothing, on
 * exchanges without a connection: every step decides as it would for a served request and records its decision,
 * and nothing is sent or connected.
 */
public final class Explainer {

    /** What a browser sends to open a WebSocket; the key is the RFC 6455 sample nonce. */
    private static final String[] UPGRADE_HEADERS = {"Connection: Upgrade", "Upgrade: websocket",
        "Sec-WebSocket-Version: 13", "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ=="};
    private static final int CLIENT_PORT = 50000;

    private final ServerConfig config;
    private final Pipeline pipeline;

    /** @throws IOException as {@link Pipeline#build} */
    public Explainer(ServerConfig config, UpgradeRouting upgrades) throws IOException {
        this.config = config;
        this.pipeline = Pipeline.build(config, RequestLogs.discarding(), upgrades);
    }

    /** @throws IllegalArgumentException for a header line without a colon */
    public Explanation explain(ExplainRequest request) throws Exception {
        HttpServerExchange exchange = new HttpServerExchange(null);
        Trace trace = Trace.attachTo(exchange);
        Optional<Listener> listener = ListenerChoice.of(config.listeners(), request.host(), request.port());
        if (listener.isEmpty()) {
            trace.note(Step.LISTENER, "no listener on port ", request.port());
            trace.reason("no listener of the config listens on port " + request.port() + "; the connection is refused");
            return new Explanation(Optional.empty(), trace);
        }
        trace.note(Step.LISTENER, listener.get().name() + " on ",
                IpText.hostPort(listener.get().address().host(), listener.get().address().port()));
        fill(exchange, request, listener.get());
        pipeline.rootOf(listener.get()).handleRequest(exchange);
        Integer status = trace.outcome().map(Outcome::status).orElse(null);
        ErrorPageSource pages = exchange.getAttachment(ErrorPageSource.KEY);
        if (status != null && status >= 400 && pages != null) {
            trace.note(Step.ERROR_PAGE, pages.pageFor(status).map(page -> "file " + page)
                    .orElse("the built-in page for " + status));
        }
        return new Explanation(Optional.of(listener.get().name()), trace);
    }

    private static void fill(HttpServerExchange exchange, ExplainRequest request, Listener listener) {
        exchange.setProtocol(Protocols.HTTP_1_1);
        exchange.setRequestMethod(HttpString.tryFromString(request.method()));
        exchange.setRequestScheme(request.url().getScheme().toLowerCase(Locale.ROOT));
        String path = request.url().getRawPath().isEmpty() ? "/" : request.url().getRawPath();
        // as the server's connectors set them: the raw path, the path decoded with %2F left as it is, the raw query
        exchange.setRequestURI(path);
        String decoded = URLUtils.decode(path, StandardCharsets.UTF_8.name(), false, new StringBuilder());
        exchange.setRequestPath(decoded);
        exchange.setRelativePath(decoded);
        exchange.setQueryString(request.url().getRawQuery() == null ? "" : request.url().getRawQuery());
        exchange.setSourceAddress(new InetSocketAddress(request.client(), CLIENT_PORT));
        exchange.setDestinationAddress(new InetSocketAddress(listener.address().ip(), listener.address().port()));
        String host = request.url().getRawAuthority();
        exchange.getRequestHeaders().put(HttpString.tryFromString("Host"), host.substring(host.indexOf('@') + 1));
        if (request.upgrade()) {
            for (String line : UPGRADE_HEADERS) {
                header(exchange, line);
            }
        }
        for (String line : request.headers()) {
            header(exchange, line);
        }
    }

    private static void header(HttpServerExchange exchange, String line) {
        int colon = line.indexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("a header is `Name: value`, not `" + line + "`");
        }
        exchange.getRequestHeaders().put(HttpString.tryFromString(line.substring(0, colon).trim()),
                line.substring(colon + 1).trim());
    }
}
