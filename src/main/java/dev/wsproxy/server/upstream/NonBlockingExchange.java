package dev.wsproxy.server.upstream;

import dev.wsproxy.server.http.InactivityTimeout;
import dev.wsproxy.server.metrics.BackendFailure;
import dev.wsproxy.server.proxy.BackendConnector;
import dev.wsproxy.server.proxy.ResponseHead.MalformedHead;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.SameThreadExecutor;
import io.undertow.util.StatusCodes;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.xnio.IoUtils;
import org.xnio.StreamConnection;
import org.xnio.XnioIoThread;
import org.xnio.channels.StreamSinkChannel;
import org.xnio.channels.StreamSourceChannel;

/**
 * One proxied request without a body (GET, HEAD...), run without blocking on its client connection's I/O thread,
 * as nginx runs one in its event loop: a turn at the pool, a pooled or new backend connection, the request head
 * out, then the response read and handed to its {@link NonBlockingResponse}, which gives the client its head and
 * relays its body. Reads from the backend pause while bytes wait for the client, so a slow client costs its own
 * connection and nothing else. One {@link ProgressClock} watches the exchange: no byte moved either way for
 * {@code connTimeout} is a 504 before the response head, and a cut connection after it, since the status has gone
 * out.
 */
final class NonBlockingExchange implements BackendConnector.Callback {

    private static final int READ_SIZE = 16 * 1024;
    /**
     * The buffer each I/O thread reads backend responses into: exchanges run one at a time on a thread and leave
     * nothing in it between events (a head that came in part is kept by its response), so a request allocates none.
     */
    private static final ThreadLocal<byte[]> READS = ThreadLocal.withInitial(() -> new byte[READ_SIZE]);

    private final HttpServerExchange exchange;
    private final BackendPool pool;
    private final Duration timeout;
    private final BackendFailures failures;
    private final XnioIoThread io;
    private final Optional<InactivityTimeout> clientClock;
    private final ClientBackends clientBackends;
    private final Runnable clientGone = this::clientGone;
    private final ByteBuffer request;
    private final ProgressClock clock;
    private final NonBlockingResponse response;
    private BackendPool.Lease lease;
    private Runnable cancelConnect = () -> { };
    private StreamConnection backend;
    /** Whether the backend sent a byte on the current connection. */
    private boolean received;
    /** The whole response has come from the backend, whose connection is back with the pool or closed. */
    private boolean backendDone;
    private boolean over;

    NonBlockingExchange(HttpServerExchange exchange, BackendPool pool, Duration timeout, BackendFailures failures,
                        boolean keepAlive) {
        this.exchange = exchange;
        this.pool = pool;
        this.timeout = timeout;
        this.failures = failures;
        this.io = exchange.getIoThread();
        this.clientClock = InactivityTimeout.of(exchange);
        this.clientBackends = ClientBackends.of(exchange);
        String framing = RequestBody.framingHeader(exchange.getRequestContentLength(), false);
        this.request = ByteBuffer.wrap(ForwardedHead.of(exchange, keepAlive, framing)
                .getBytes(StandardCharsets.ISO_8859_1));
        this.clock = new ProgressClock(io, timeout, this::timedOut);
        this.response = new NonBlockingResponse(exchange, clock::progress, this::clientWritable);
    }

    /** Starts the exchange; call on the client connection's I/O thread, from the handler. */
    void start() {
        // this exchange's own clock covers both sides, so the connection's would only race it
        clientClock.ifPresent(InactivityTimeout::hold);
        exchange.dispatch(SameThreadExecutor.INSTANCE, () -> pool.lease(io, timeout, this::leased, this::busy));
    }

    private void busy() {
        clientClock.ifPresent(InactivityTimeout::release);
        failures.busy(exchange, pool, timeout);
    }

    private void leased(BackendPool.Lease turn) {
        lease = turn;
        if (!exchange.getConnection().isOpen()) {
            clientGone();
            return;
        }
        clientBackends.add(clientGone);
        clock.start();
        cancelConnect = lease.connection(io, this);
    }

    @Override
    public void connected(StreamConnection connection) {
        if (over) {
            IoUtils.safeClose(connection);
            return;
        }
        backend = connection;
        received = false;
        response.newConnection();
        request.rewind();
        clock.progress();
        // a pooled connection may belong to another I/O thread: its events are handed over to this one
        connection.getSourceChannel().getReadSetter().set(source -> onOwnThread(source::suspendReads, this::readable));
        connection.getSinkChannel().getWriteSetter().set(sink -> onOwnThread(sink::suspendWrites, this::sendHead));
        sendHead();
    }

    /** Runs an event's {@code handler} on this exchange's I/O thread; another thread's is paused and handed over. */
    private void onOwnThread(Runnable pause, Runnable handler) {
        if (Thread.currentThread() == io) {
            handler.run();
        } else {
            pause.run();
            io.execute(handler);
        }
    }

    @Override
    public void failed(IOException cause) {
        if (!over) {
            fail(StatusCodes.BAD_GATEWAY, BackendFailure.CONNECT, String.valueOf(cause.getMessage()));
        }
    }

    private void sendHead() {
        if (over || backend == null) {
            return;
        }
        StreamSinkChannel sink = backend.getSinkChannel();
        try {
            while (request.hasRemaining()) {
                if (sink.write(request) == 0) {
                    sink.resumeWrites();
                    return;
                }
                clock.progress();
            }
            if (!sink.flush()) {
                sink.resumeWrites();
                return;
            }
            sink.suspendWrites();
            backend.getSourceChannel().resumeReads();
        } catch (IOException e) {
            lost("sending the request head: " + e.getMessage());
        }
    }

    private void readable() {
        if (over || backendDone || backend == null) {
            return;
        }
        StreamSourceChannel source = backend.getSourceChannel();
        byte[] buffer = READS.get();
        try {
            while (!over && !backendDone) {
                if (response.waiting()) {
                    source.suspendReads();
                    return;
                }
                int read = source.read(ByteBuffer.wrap(buffer));
                if (read == 0) {
                    source.resumeReads();
                    return;
                }
                if (read < 0) {
                    backendClosed();
                    return;
                }
                received = true;
                clock.progress();
                if (response.take(buffer, read)) {
                    backendFinished();
                }
            }
        } catch (MalformedHead e) {
            fail(StatusCodes.BAD_GATEWAY, BackendFailure.RESPONSE, e.getMessage());
        } catch (IOException e) {
            if (!response.started()) {
                lost("reading the response: " + e.getMessage());
            } else {
                cut();
            }
        }
    }

    private void backendClosed() throws IOException {
        if (!response.started()) {
            lost("the backend closed the connection before its response head");
        } else if (response.endsAtClose()) {
            backendFinished();
        } else {
            cut();
        }
    }

    private void backendFinished() throws IOException {
        backendDone = true;
        response.end();
        releaseBackend();
        if (!response.awaitClient()) {
            complete();
        }
    }

    private void clientWritable() {
        if (over) {
            return;
        }
        try {
            if (!response.drain()) {
                return;
            }
            if (backendDone) {
                complete();
            } else {
                readable();
            }
        } catch (IOException e) {
            cut();
        }
    }

    /** Gives the connection back to the pool when it can carry another exchange, or closes it. */
    private void releaseBackend() {
        backend.getSourceChannel().getReadSetter().set(null);
        backend.getSinkChannel().getWriteSetter().set(null);
        backend.getSourceChannel().suspendReads();
        backend = null;
        if (response.reusable()) {
            lease.keep();
        }
        lease.close();
        lease = null;
    }

    /**
     * A connection lost the request before any response head: sent once more on a new one when a pooled connection
     * the backend had closed lost it (nothing came back), else 502.
     */
    private void lost(String why) {
        if (ReverseProxyHandler.resendable(lease, received, exchange)) {
            backend = null;
            cancelConnect = lease.fresh(io, this);
            return;
        }
        fail(StatusCodes.BAD_GATEWAY, BackendFailure.RESPONSE, "no valid response head (" + why + ")");
    }

    private void timedOut() {
        if (response.started()) {
            cut();
        } else if (backend == null) {
            fail(StatusCodes.BAD_GATEWAY, BackendFailure.CONNECT, "no connection within " + timeout.toSeconds() + "s");
        } else {
            fail(StatusCodes.GATEWAY_TIME_OUT, BackendFailure.TIMEOUT,
                    "no response head within " + timeout.toSeconds() + "s");
        }
    }

    private void fail(int status, BackendFailure kind, String why) {
        if (response.started()) {
            cut();
            return;
        }
        finish();
        exchange.getResponseHeaders().clear();
        failures.answer(exchange, status, kind.label(), why);
    }

    /** Breaks off a response whose status is on its way: cutting the connection says the body is incomplete. */
    private void cut() {
        finish();
        IoUtils.safeClose(exchange.getConnection());
        // ended all the same, so that its access-log line is written and a stop does not wait for it
        exchange.endExchange();
    }

    private void complete() {
        finish();
        exchange.endExchange();
    }

    private void clientGone() {
        if (Thread.currentThread() != io) {
            io.execute(this::clientGone);
        } else if (!over) {
            finish();
            exchange.endExchange();
        }
    }

    private void finish() {
        over = true;
        clock.stop();
        cancelConnect.run();
        if (lease != null) {
            lease.close();
            lease = null;
        }
        clientBackends.remove(clientGone);
        clientClock.ifPresent(InactivityTimeout::release);
    }
}
