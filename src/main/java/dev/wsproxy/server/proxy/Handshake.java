package dev.wsproxy.server.proxy;

import dev.wsproxy.server.http.InactivityTimeout;
import dev.wsproxy.server.proxy.ResponseHead.MalformedHead;
import io.undertow.connector.ByteBufferPool;
import io.undertow.connector.PooledByteBuffer;
import io.undertow.server.AbstractServerConnection;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderMap;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import io.undertow.util.SameThreadExecutor;
import io.undertow.util.StatusCodes;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.xnio.ChannelListener;
import org.xnio.IoUtils;
import org.xnio.StreamConnection;
import org.xnio.XnioExecutor;
import org.xnio.XnioIoThread;
import org.xnio.channels.StreamSinkChannel;
import org.xnio.channels.StreamSourceChannel;
import org.xnio.conduits.ConduitStreamSourceChannel;

/**
 * One upgrade from accept to verdict, non-blocking on the exchange's I/O thread: connect to the backend, send it
 * the client's request head, read its response head, then either splice the two connections (101) or relay the
 * backend's answer (anything else). Failures before the verdict become 502, timeouts 504.
 */
final class Handshake implements BackendConnector.Callback {

    /** A response head larger than this is refused with 502. */
    static final int MAX_HEAD = 64 * 1024;
    /** A non-101 response body larger than this is refused with 502: nothing legitimate answers an upgrade with more. */
    static final int MAX_BODY = 1024 * 1024;

    /**
     * The response buffer's first size, doubled as a head needs: a 101 head is a few hundred bytes, and the 4 KiB this
     * was made 5,000 upgrades allocate 20 MB, which the idle tunnels' memory counted (bench/websocket).
     */
    private static final int FIRST_READ = 512;

    /** nginx's "client closed request": the client left before the backend answered; nothing is sent. */
    private static final int CLIENT_CLOSED = 499;

    /** Headers that describe one HTTP hop; Undertow writes its own when it relays a non-101 answer. */
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "transfer-encoding",
            "content-length", "upgrade", "proxy-connection", "te", "trailer");

    private HttpServerExchange exchange;
    private final BackendConnector connector;
    private final TunnelSettings settings;
    private final Duration idleTimeout;
    private final UpgradeLog log;
    private final XnioIoThread io;
    private ByteBuffer requestHead;
    /** The client connection's connTimeout clock, held while the backend has the turn. */
    private final Optional<InactivityTimeout> clientClock;

    private Runnable cancelConnect;
    private ConduitStreamSourceChannel watchedClient;
    private ChannelListener<? super ConduitStreamSourceChannel> undertowReader;
    private XnioExecutor.Key timer;
    private StreamConnection backend;
    private byte[] response = new byte[FIRST_READ];
    private int responseLength;
    private ResponseHead head;
    private boolean decided;
    /** Runs once the tunnel of a 101 has started, or once the client is gone before it could. */
    private Runnable tunnelStarted = () -> { };

    Handshake(HttpServerExchange exchange, BackendConnector connector, TunnelSettings settings, Duration idleTimeout,
              UpgradeLog log) {
        this.exchange = exchange;
        this.connector = connector;
        this.settings = settings;
        this.idleTimeout = idleTimeout;
        this.log = log;
        this.io = exchange.getIoThread();
        this.requestHead = UpgradeRequest.backendHead(exchange);
        this.clientClock = InactivityTimeout.of(exchange);
    }

    void start() {
        clientClock.ifPresent(InactivityTimeout::hold);
        exchange.dispatch(SameThreadExecutor.INSTANCE, () -> {
            exchange.getConnection().addCloseListener(connection -> {
                tunnelStarted.run();
                if (!decided) {
                    fail(CLIENT_CLOSED, "the client closed the connection before the backend answered");
                }
            });
            timer = io.executeAfter(() -> fail(StatusCodes.GATEWAY_TIME_OUT,
                    "no connection within " + settings.connectTimeout().toMillis() + " ms"),
                    settings.connectTimeout().toMillis(), TimeUnit.MILLISECONDS);
            cancelConnect = connector.connect(io, this);
            watchClient();
        });
    }

    /**
     * Reads the client's connection while the backend has the turn, which Undertow does not: a client that gives
     * up then is seen at once (499, the backend closed), not when the response timeout ends the handshake (504).
     * RFC 6455 has a client send nothing more before the 101; what one sends anyway stays for the tunnel.
     */
    private void watchClient() {
        if (!(exchange.getConnection() instanceof AbstractServerConnection connection)
                || connection.getExtraBytes() != null) {
            return;
        }
        ConduitStreamSourceChannel source = connection.getChannel().getSourceChannel();
        undertowReader = source.getReadListener();
        watchedClient = source;
        source.getReadSetter().set(channel -> clientReadable(connection, channel));
        source.resumeReads();
    }

    private void clientReadable(AbstractServerConnection connection, ConduitStreamSourceChannel source) {
        PooledByteBuffer pooled = connection.getByteBufferPool().allocate();
        int read;
        try {
            read = source.read(pooled.getBuffer());
        } catch (IOException e) {
            read = -1;
        }
        if (read > 0) {
            pooled.getBuffer().flip();
            connection.setExtraBytes(pooled);
            stopWatchingClient();
            return;
        }
        pooled.close();
        if (read < 0) {
            fail(CLIENT_CLOSED, "the client closed the connection before the backend answered");
        }
    }

    private void stopWatchingClient() {
        if (watchedClient != null) {
            watchedClient.suspendReads();
            watchedClient.getReadSetter().set(undertowReader);
            watchedClient = null;
        }
    }

    @Override
    public void connected(StreamConnection connection) {
        if (decided) {
            IoUtils.safeClose(connection);
            return;
        }
        backend = connection;
        log.backendConnected();
        timer.remove();
        timer = io.executeAfter(() -> fail(StatusCodes.GATEWAY_TIME_OUT,
                "no response head within " + settings.responseTimeout().toMillis() + " ms"),
                settings.responseTimeout().toMillis(), TimeUnit.MILLISECONDS);
        StreamSinkChannel sink = backend.getSinkChannel();
        sink.getWriteSetter().set(channel -> sendHead());
        backend.getSourceChannel().getReadSetter().set(channel -> receive());
        sendHead();
    }

    @Override
    public void failed(IOException cause) {
        fail(StatusCodes.BAD_GATEWAY, String.valueOf(cause.getMessage()));
    }

    private void sendHead() {
        StreamSinkChannel sink = backend.getSinkChannel();
        if (decided) {
            // the backend answered before it had the whole head; the connection is the tunnel's or closed now
            sink.suspendWrites();
            return;
        }
        try {
            while (requestHead.hasRemaining()) {
                if (sink.write(requestHead) == 0) {
                    sink.resumeWrites();
                    return;
                }
            }
            if (!sink.flush()) {
                sink.resumeWrites();
                return;
            }
            sink.suspendWrites();
            backend.getSourceChannel().resumeReads();
        } catch (IOException e) {
            fail(StatusCodes.BAD_GATEWAY, "sending the request head: " + e.getMessage());
        }
    }

    private void receive() {
        StreamSourceChannel source = backend.getSourceChannel();
        try {
            while (!decided) {
                if (responseLength == response.length && !grow()) {
                    return;
                }
                int n = source.read(ByteBuffer.wrap(response, responseLength, response.length - responseLength));
                if (n == 0) {
                    return;
                }
                boolean eof = n < 0;
                if (!eof) {
                    responseLength += n;
                }
                if (head == null) {
                    head = ResponseHead.parse(response, responseLength);
                    if (head != null && head.status() == StatusCodes.SWITCHING_PROTOCOLS) {
                        upgrade();
                        return;
                    }
                }
                if (head != null) {
                    byte[] body = ResponseBody.complete(head, response, responseLength, eof);
                    if (body != null) {
                        relay(body);
                        return;
                    }
                }
                if (eof) {
                    fail(StatusCodes.BAD_GATEWAY, "the backend closed the connection before its response head");
                    return;
                }
            }
        } catch (MalformedHead e) {
            fail(StatusCodes.BAD_GATEWAY, e.getMessage());
        } catch (IOException e) {
            fail(StatusCodes.BAD_GATEWAY, "reading the response: " + e.getMessage());
        }
    }

    private boolean grow() {
        int limit = head == null ? MAX_HEAD : head.length() + MAX_BODY;
        if (response.length >= limit) {
            fail(StatusCodes.BAD_GATEWAY, head == null ? "response head larger than " + MAX_HEAD + " bytes"
                    : "response body larger than " + MAX_BODY + " bytes");
            return false;
        }
        response = Arrays.copyOf(response, Math.min(limit, response.length * 2));
        return true;
    }

    private void upgrade() {
        decided = true;
        timer.remove();
        stopWatchingClient();
        clientClock.ifPresent(InactivityTimeout::stop);
        backend.getSourceChannel().suspendReads();
        ByteBuffer early = ByteBuffer.wrap(Arrays.copyOfRange(response, head.length(), responseLength));
        StreamConnection upstream = backend;
        tunnelStarted = OpenTunnels.starting(io.getWorker());
        Runnable started = tunnelStarted;
        exchange.upgradeChannel((client, upgraded) -> {
            log.tunnelOpened();
            try {
                boolean tls = upgraded.getConnection().getSslSessionInfo() != null;
                ByteBufferPool pool = upgraded.getConnection().getByteBufferPool();
                if (tls || !settings.splice()
                        || !SplicedTunnel.start(client, upstream, early, pool, idleTimeout, log)) {
                    new Tunnel(client, upstream, early, pool, idleTimeout, log).start();
                }
            } finally {
                started.run();
            }
        });
        // upgradeChannel wrote its own "Connection: Upgrade"; the backend's, if any, goes out instead
        exchange.getResponseHeaders().remove(Headers.CONNECTION);
        copyHeaders(header -> true);
        exchange.endExchange();
        forget();
    }

    private void relay(byte[] body) {
        decided = true;
        timer.remove();
        stopWatchingClient();
        clientClock.ifPresent(InactivityTimeout::release);
        IoUtils.safeClose(backend);
        exchange.setStatusCode(head.status());
        copyHeaders(header -> !HOP_BY_HOP.contains(header.name().toLowerCase(Locale.ROOT)));
        exchange.getResponseSender().send(ByteBuffer.wrap(body));
        log.write(head.status(), 0, body.length, null);
        forget();
    }

    /**
     * Gives the client the backend's reason phrase and the headers {@code relayed} picks, names in their case and
     * duplicates kept. Undertow writes headers of different names in its own order, as nginx rebuilds a head too,
     * and adds a {@code Date} when there is none, which RFC 9110 asks of a proxy.
     */
    private void copyHeaders(Predicate<ResponseHead.Header> relayed) {
        exchange.setReasonPhrase(head.reason());
        HeaderMap headers = exchange.getResponseHeaders();
        for (ResponseHead.Header header : head.headers()) {
            if (relayed.test(header)) {
                headers.add(HttpString.tryFromString(header.name()), header.value());
            }
        }
    }

    private void fail(int status, String reason) {
        if (decided) {
            return;
        }
        decided = true;
        clientClock.ifPresent(InactivityTimeout::release);
        if (timer != null) {
            timer.remove();
        }
        if (cancelConnect != null) {
            cancelConnect.run();
        }
        IoUtils.safeClose(backend);
        stopWatchingClient();
        if (exchange.isResponseStarted() || status == CLIENT_CLOSED) {
            IoUtils.safeClose(exchange.getConnection());
        } else {
            exchange.setStatusCode(status);
            exchange.endExchange();
        }
        log.write(status, 0, 0, reason);
        forget();
    }

    /**
     * Lets go of all but what a close of the client connection still needs once the verdict is in: that
     * connection's close listener holds this handshake for as long as the tunnel lives, and 2,000 idle tunnels kept
     * 10 MB of exchanges and responses; the request head and the timer after them were a tenth of an idle tunnel.
     */
    private void forget() {
        exchange = null;
        response = null;
        head = null;
        requestHead = null;
        timer = null;
        cancelConnect = null;
    }
}
