package dev.wsproxy.server.upstream;

import dev.wsproxy.config.model.Context;
import dev.wsproxy.server.compress.DynamicGzip;
import dev.wsproxy.server.http.InactivityTimeout;
import dev.wsproxy.server.http.Refusals;
import dev.wsproxy.server.log.ErrorLog;
import dev.wsproxy.server.metrics.BackendFailure;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.AttachmentKey;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import io.undertow.util.Methods;
import io.undertow.util.StatusCodes;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
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
 * <p>A request without a body runs without blocking on its connection's I/O thread ({@link NonBlockingExchange}),
 * as most requests do: no thread hand-off. One with a body runs on a thread of its own, never on Undertow's shared
 * workers, and every wait on either side is bounded by the timeout ({@code connTimeout}): a slow or stalled client
 * or backend costs one connection and one thread for that long, and the other requests never queue behind it. A
 * client that stalls its request body gets 408, one that sends a malformed body 400 ({@link RequestBody}).
 */
public final class ReverseProxyHandler implements HttpHandler {

    /**
     * One thread per request with a body in flight; an idle one ends after a few seconds, and its blocking-wait
     * selector with it.
     */
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
    private final BackendFailures failures;

    ReverseProxyHandler(Context.Proxy context, BackendPool pool, Duration timeout, ErrorLog errorLog) {
        this.context = context;
        this.pool = pool;
        this.timeout = timeout;
        this.errorLog = errorLog;
        this.failures = new BackendFailures(context, errorLog);
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        if (exchange.isInIoThread() && exchange.getRequestContentLength() <= 0
                && !exchange.getRequestHeaders().contains(Headers.TRANSFER_ENCODING)) {
            new NonBlockingExchange(exchange, pool, timeout, failures, context.handler().pool().persistConn()).start();
            return;
        }
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
            failures.busy(exchange, pool, timeout);
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
        Runnable cut = null;
        try {
            backend = turn.connection(exchange.getIoThread(), timeout);
            cut = backend::close;
            clientBackends.add(cut);
            ResponseRelay.Framing framing = new ResponseRelay.Framing();
            while (!exchangeHead(exchange, backend, body, framing)) {
                if (!retriable(turn, backend, exchange, body)) {
                    headFailed(exchange, backend);
                    return;
                }
                clientBackends.remove(cut);
                backend.unwatch();
                backend = turn.fresh(exchange.getIoThread(), timeout);
                cut = backend::close;
                clientBackends.add(cut);
            }
            if (relayBody(exchange, backend, framing, client) && framing.reusable(exchange) && !backend.unreadBytes()) {
                turn.keep();
            }
        } catch (ClientFailure e) {
            refuse(exchange, e);
        } catch (IOException e) {
            failures.answer(exchange, StatusCodes.BAD_GATEWAY, BackendFailure.CONNECT.label(),
                    String.valueOf(e.getMessage()));
        } finally {
            if (backend != null) {
                clientBackends.remove(cut);
                backend.unwatch();
            }
        }
    }

    /** Sends the request and reads the response head into the exchange; false when no valid head came. */
    private boolean exchangeHead(HttpServerExchange exchange, BackendChannel backend, RequestBody body,
                                 ResponseRelay.Framing framing) throws ClientFailure {
        backend.watch(timeout);
        try {
            backend.write(ForwardedHead.of(exchange, context.handler().pool().persistConn(), body.framingHeader()));
            body.sendTo(backend);
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
        return resendable(turn, backend.received(), exchange) && !backend.expired() && body.replayable();
    }

    /**
     * Whether a request that its connection lost before any byte of the answer ({@code received} false) may go once
     * more on a new one: the connection came from the pool, so the backend had most likely closed it, the method
     * allows a repeat, and the client still waits.
     */
    static boolean resendable(BackendPool.Lease turn, boolean received, HttpServerExchange exchange) {
        return turn.reused() && !received && IDEMPOTENT.contains(exchange.getRequestMethod())
                && exchange.getConnection().isOpen();
    }

    private void headFailed(HttpServerExchange exchange, BackendChannel backend) {
        exchange.getResponseHeaders().clear();
        if (backend.expired()) {
            failures.answer(exchange, StatusCodes.GATEWAY_TIME_OUT, BackendFailure.TIMEOUT.label(),
                    "no response head within " + timeout.toSeconds() + "s");
        } else {
            failures.answer(exchange, StatusCodes.BAD_GATEWAY, BackendFailure.RESPONSE.label(),
                    "no valid response head");
        }
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
}
