package dev.wsproxy.server.upstream;

import dev.wsproxy.config.model.Context;
import dev.wsproxy.server.compress.DynamicGzip;
import dev.wsproxy.server.http.InactivityTimeout;
import dev.wsproxy.server.http.Refusals;
import dev.wsproxy.server.http.Responses;
import dev.wsproxy.server.log.ErrorLog;
import dev.wsproxy.server.log.IpText;
import dev.wsproxy.server.metrics.BackendFailure;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.AttachmentKey;
import io.undertow.util.HeaderValues;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import io.undertow.util.Methods;
import io.undertow.util.StatusCodes;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.xnio.IoUtils;

/**
 * A proxy context: the request goes to the context's {@code extprocessor} (TCP or Unix socket) with its full
 * URI, its end-to-end headers and {@code X-Forwarded-For} (appended), {@code -Proto} and {@code -Host}; the
 * bodies stream both ways, the response's gzipped on the way with {@code enableDynGzipCompress}
 * ({@link DynamicGzip}). A backend that cannot be reached or sends no valid response head gives 502, one
 * that stays silent past the timeout gives 504. Connections come from the extprocessor's {@link BackendPool}: when
 * all {@code maxConns} stay busy for the timeout the request gets 503, and a request of an idempotent method that a
 * reused connection loses before any byte of the response (the backend had closed it) is sent once more on a new one.
 *
 * <p>Each request runs on a thread of its own, never on Undertow's shared workers, and every wait on either
 * side is bounded by the timeout ({@code connTimeout}): a slow or stalled client or backend costs one
 * connection and one thread for that long, and the other requests never queue behind it. A client that
 * stalls its request body gets 408, one that sends a malformed body 400 ({@link RequestBody}).
 */
public final class ReverseProxyHandler implements HttpHandler {

    /** One thread per request in flight; an idle one ends after a few seconds, and its blocking-wait selector with it. */
    private static final Executor THREADS = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 2, TimeUnit.SECONDS,
            new SynchronousQueue<>(), new ProxyThreadFactory());

    /** Methods a request can be sent again with (RFC 9110 §9.2.2), when a stale pooled connection lost it. */
    private static final Set<HttpString> IDEMPOTENT = Set.of(Methods.GET, Methods.HEAD, Methods.PUT, Methods.DELETE,
            Methods.OPTIONS);

    /** The target (path and query, encoded) a rewrite rule gave the request, sent instead of the client's. */
    public static final AttachmentKey<String> REWRITTEN_TARGET = AttachmentKey.create(String.class);

    private final Context.Proxy context;
    private final BackendPool pool;
    private final Duration timeout;
    private final ErrorLog errorLog;

    ReverseProxyHandler(Context.Proxy context, BackendPool pool, Duration timeout, ErrorLog errorLog) {
        this.context = context;
        this.pool = pool;
        this.timeout = timeout;
        this.errorLog = errorLog;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        if (exchange.isInIoThread()) {
            exchange.dispatch(THREADS, this);
            return;
        }
        Optional<InactivityTimeout> clientClock = InactivityTimeout.of(exchange);
        // every wait below is bounded by the same timeout, so the connection's own clock would only race it
        clientClock.ifPresent(InactivityTimeout::hold);
        try {
            proxy(exchange);
        } finally {
            clientClock.ifPresent(InactivityTimeout::release);
        }
    }

    private void proxy(HttpServerExchange exchange) {
        BoundedWaits client = new BoundedWaits(timeout);
        RequestBody body;
        try {
            body = RequestBody.start(exchange, client);
        } catch (ClientFailure e) {
            refuse(exchange, e);
            return;
        } catch (IOException e) {
            IoUtils.safeClose(exchange.getConnection());
            return;
        }
        Optional<BackendPool.Lease> lease;
        try {
            lease = pool.lease(timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            lease = Optional.empty();
        }
        if (lease.isEmpty()) {
            backendFailed(exchange, StatusCodes.SERVICE_UNAVAILABLE, "busy", "all " + pool.maxConns()
                    + " connections (maxConns) stayed busy for " + timeout.toSeconds() + "s");
            return;
        }
        try (BackendPool.Lease turn = lease.get()) {
            proxyOn(turn, exchange, body, client);
        }
    }

    private void proxyOn(BackendPool.Lease turn, HttpServerExchange exchange, RequestBody body, BoundedWaits client) {
        // a client that goes away (or a server that stops) must not leave this thread waiting on the backend
        ClientBackends clientBackends = ClientBackends.of(exchange);
        BackendChannel backend = null;
        try {
            backend = turn.connection(timeout);
            clientBackends.add(backend);
            ResponseRelay.Framing framing = new ResponseRelay.Framing();
            while (!exchangeHead(exchange, backend, body, framing)) {
                if (!retriable(turn, backend, exchange, body)) {
                    headFailed(exchange, backend);
                    return;
                }
                clientBackends.remove(backend);
                backend = turn.fresh(timeout);
                clientBackends.add(backend);
            }
            if (relayBody(exchange, backend, framing, client) && framing.reusable(exchange)) {
                turn.keep();
            }
        } catch (ClientFailure e) {
            refuse(exchange, e);
        } catch (IOException e) {
            backendFailed(exchange, StatusCodes.BAD_GATEWAY, BackendFailure.CONNECT.label(), String.valueOf(e.getMessage()));
        } finally {
            if (backend != null) {
                clientBackends.remove(backend);
            }
        }
    }

    /** Sends the request and reads the response head into the exchange; false when no valid head came. */
    private boolean exchangeHead(HttpServerExchange exchange, BackendChannel backend, RequestBody body,
                                 ResponseRelay.Framing framing) throws ClientFailure {
        backend.watch(timeout);
        try {
            sendRequest(exchange, backend, body, context.handler().pool().persistConn());
            return ResponseRelay.readHead(backend, exchange, framing);
        } catch (ClientFailure e) {
            throw e;
        } catch (IOException | NumberFormatException e) {
            return false;
        }
    }

    /**
     * Whether a request a connection lost may go again on a new one: the connection came from the pool, the backend
     * sent nothing and did not time out (it had closed the connection), the method is idempotent, the body is whole
     * and the client is still there.
     */
    private static boolean retriable(BackendPool.Lease turn, BackendChannel backend, HttpServerExchange exchange,
                                     RequestBody body) {
        return turn.reused() && !backend.received() && !backend.expired() && body.replayable()
                && IDEMPOTENT.contains(exchange.getRequestMethod()) && exchange.getConnection().isOpen();
    }

    private void headFailed(HttpServerExchange exchange, BackendChannel backend) {
        exchange.getResponseHeaders().clear();
        if (backend.expired()) {
            backendFailed(exchange, StatusCodes.GATEWAY_TIME_OUT, BackendFailure.TIMEOUT.label(),
                    "no response head within " + timeout.toSeconds() + "s");
        } else {
            backendFailed(exchange, StatusCodes.BAD_GATEWAY, BackendFailure.RESPONSE.label(), "no valid response head");
        }
    }

    /** Answers a 5xx wsproxy decided because of the backend, with one error-log line per kind and interval. */
    private void backendFailed(HttpServerExchange exchange, int status, String kind, String why) {
        String context = "proxy context `" + this.context.uri().text() + "`";
        errorLog.limited(ErrorLog.Level.ERROR, context + " " + kind, context + ": " + status + ", backend "
                + this.context.handler().name() + " (" + this.context.handler().address().text() + ") failed (" + kind
                + "): " + why);
        Responses.end(exchange, status);
    }

    /** Ends an exchange the client broke off with its status, the connection closed after it. */
    private void refuse(HttpServerExchange exchange, ClientFailure failure) {
        exchange.setPersistent(false);
        exchange.getResponseHeaders().clear();
        Refusals.refuse(exchange, failure.status(), errorLog, failure.getMessage());
    }

    /** Copies the response body to the client; false when either side broke it off. */
    private static boolean relayBody(HttpServerExchange exchange, BackendChannel backend, ResponseRelay.Framing framing,
                                     BoundedWaits client) {
        try {
            OutputStream body = DynamicGzip.wrap(exchange, new ClientResponse(exchange, backend, client));
            ResponseRelay.copyBody(backend, exchange, framing, body);
            body.close();
            exchange.endExchange();
            return true;
        } catch (IOException | NumberFormatException e) {
            // the status is already on its way: cutting the connection is the only way to say the body is incomplete
            IoUtils.safeClose(exchange.getConnection());
            return false;
        }
    }

    private static void sendRequest(HttpServerExchange exchange, BackendChannel backend, RequestBody body,
                                    boolean keepAlive) throws IOException {
        StringBuilder head = new StringBuilder(512);
        String query = exchange.getQueryString();
        String rewritten = exchange.getAttachment(REWRITTEN_TARGET);
        head.append(exchange.getRequestMethod()).append(' ')
                .append(rewritten != null ? rewritten : originForm(exchange) + (query.isEmpty() ? "" : "?" + query))
                .append(" HTTP/1.1\r\n");
        String forwardedFor = null;
        for (HeaderValues values : exchange.getRequestHeaders()) {
            String name = values.getHeaderName().toString();
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.equals("x-forwarded-for")) {
                forwardedFor = String.join(", ", values);
            } else if (!HopByHop.is(name) && !lower.equals("content-length") && !lower.equals("expect")
                    && !lower.startsWith("x-forwarded-")) {
                for (String value : values) {
                    head.append(name).append(": ").append(value).append("\r\n");
                }
            }
        }
        String clientIp = IpText.of(exchange.getSourceAddress().getAddress());
        head.append("X-Forwarded-For: ").append(forwardedFor == null ? clientIp : forwardedFor + ", " + clientIp)
                .append("\r\n");
        head.append("X-Forwarded-Proto: ").append(exchange.getRequestScheme()).append("\r\n");
        String host = exchange.getRequestHeaders().getFirst(Headers.HOST);
        if (host != null) {
            head.append("X-Forwarded-Host: ").append(host).append("\r\n");
        }
        head.append(keepAlive ? "Connection: keep-alive\r\n" : "Connection: close\r\n");
        head.append(body.framingHeader());
        backend.write(head.append("\r\n").toString());
        body.sendTo(backend);
    }

    /** The request target as the client sent it, without scheme and host when it came in absolute form. */
    private static String originForm(HttpServerExchange exchange) {
        String uri = exchange.getRequestURI();
        if (!exchange.isHostIncludedInRequestURI()) {
            return uri;
        }
        int slash = uri.indexOf('/', uri.indexOf("://") + 3);
        return slash < 0 ? "/" : uri.substring(slash);
    }
}
