package dev.wsproxy.server;

import dev.wsproxy.config.model.AccessControl;
import dev.wsproxy.config.model.ClientLimits;
import dev.wsproxy.config.model.Tuning;
import dev.wsproxy.server.access.ClientConnectionLimits;
import dev.wsproxy.server.http.InactivityTimeout;
import dev.wsproxy.server.log.ErrorLog;
import dev.wsproxy.server.log.IpText;
import dev.wsproxy.server.platform.AcceptingThreads;
import dev.wsproxy.server.platform.SelectedKeySets;
import io.undertow.UndertowOptions;
import io.undertow.connector.ByteBufferPool;
import io.undertow.server.DefaultByteBufferPool;
import io.undertow.server.HttpHandler;
import io.undertow.server.OpenListener;
import io.undertow.server.protocol.http.AlpnOpenListener;
import io.undertow.server.protocol.http.HttpOpenListener;
import io.undertow.server.protocol.http2.Http2OpenListener;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLContext;
import org.xnio.ChannelListener;
import org.xnio.IoUtils;
import org.xnio.OptionMap;
import org.xnio.Options;
import org.xnio.StreamConnection;
import org.xnio.Xnio;
import org.xnio.XnioWorker;

/**
 * The sockets of a running server: one XNIO worker, and per listener a listening socket per I/O thread (one only
 * when the listener does not share its port) that each thread accepts from and serves ({@link AcceptingThreads}),
 * feeding an Undertow HTTP/1.1 connection handler. Built directly on XNIO (as Undertow's own builder does) so that
 * closing the listening sockets stops new connections while established ones finish their requests;
 * Undertow's {@code ListenerInfo.suspend()} would close those too.
 */
final class Connectors {

    /** The kernel's queue of connections not yet accepted, per listening socket. */
    private static final int BACKLOG = 1000;
    /** Direct buffers of 16 KiB less the allocator's overhead, Undertow's default on a large heap. */
    private static final int BUFFER_SIZE = 16 * 1024 - 20;
    /** How often a listener that cannot accept says so. */
    private static final Duration ACCEPT_FAILURE_LINES = Duration.ofSeconds(10);

    private final Xnio xnio = Xnio.getInstance(io.undertow.Undertow.class.getClassLoader());
    private final XnioWorker worker;
    private final ByteBufferPool buffers = new DefaultByteBufferPool(true, BUFFER_SIZE, -1, 4);
    private final int maxConnections;
    private final OptionMap serverOptions;
    private final Duration connTimeout;
    private final List<ListenerSocket> sockets = new CopyOnWriteArrayList<>();
    private final List<OpenListener> openListeners = new CopyOnWriteArrayList<>();
    private final OpenConnections connections = new OpenConnections();
    private final ErrorLog errorLog;
    private final ClientConnectionLimits clientLimits;

    Connectors(Tuning tuning, ErrorLog errorLog) throws IOException {
        this.errorLog = errorLog;
        this.clientLimits = new ClientConnectionLimits(errorLog);
        // one I/O thread per CPU the process may use: a server pinned to one CPU then never switches threads
        int ioThreads = Math.max(1, Runtime.getRuntime().availableProcessors());
        this.worker = xnio.createWorker(OptionMap.builder()
                .set(Options.WORKER_IO_THREADS, ioThreads)
                .set(Options.WORKER_TASK_CORE_THREADS, ioThreads * 8)
                .set(Options.WORKER_TASK_MAX_THREADS, ioThreads * 8)
                .set(Options.TCP_NODELAY, true)
                .getMap());
        SelectedKeySets.install(worker);
        worker.getIoThread().executeAtInterval(clientLimits::tick, 1, TimeUnit.SECONDS);
        this.maxConnections = Math.max(0, tuning.maxConnections());
        this.serverOptions = serverOptions(tuning);
        this.connTimeout = Duration.ofSeconds(Math.max(0, tuning.connTimeoutSeconds()));
    }

    /**
     * Undertow's own timers: {@code keepAliveTimeout} between requests and {@code connTimeout} for a whole request
     * head; never XNIO's READ_TIMEOUT, which would kill idle tunnels ({@link InactivityTimeout} does the rest).
     */
    private static OptionMap serverOptions(Tuning tuning) {
        OptionMap.Builder options = OptionMap.builder()
                .set(UndertowOptions.RECORD_REQUEST_START_TIME, true)
                // twice the tuning limits, so that RequestGuard sees an oversize request and answers 414 or 431
                .set(UndertowOptions.MAX_HEADER_SIZE, 2 * (tuning.maxReqUrlLen() + tuning.maxReqHeaderSize()));
        if (tuning.keepAliveTimeoutSeconds() > 0) {
            options.set(UndertowOptions.NO_REQUEST_TIMEOUT, tuning.keepAliveTimeoutSeconds() * 1000);
        }
        if (tuning.connTimeoutSeconds() > 0) {
            options.set(UndertowOptions.REQUEST_PARSE_TIMEOUT, tuning.connTimeoutSeconds() * 1000);
        }
        return options.getMap();
    }

    /**
     * Binds one listener; it accepts connections once {@link #startAccepting()} (or its own
     * {@link ListenerSocket#startAccepting()}) is called.
     *
     * @param reusePort whether the socket takes {@code SO_REUSEPORT}, so that others can share its port
     * @param tls       the TLS context of a secure listener, null for plain HTTP
     * @param http2     whether a secure listener offers h2 by ALPN besides http/1.1
     */
    ListenerSocket bind(InetSocketAddress address, boolean reusePort, SSLContext tls, boolean http2, HttpHandler root)
            throws IOException {
        HttpOpenListener http1 = new HttpOpenListener(buffers, serverOptions);
        http1.setRootHandler(root);
        OpenListener open = http1;
        if (tls != null && http2) {
            Http2OpenListener h2 = new Http2OpenListener(buffers, serverOptions, "h2");
            h2.setRootHandler(root);
            open = new AlpnOpenListener(buffers, serverOptions, "http/1.1", http1)
                    .addProtocol(Http2OpenListener.HTTP2, h2, 10);
        }
        ListenerSocket.Tls secure = tls == null ? null : new ListenerSocket.Tls(xnio, tls);
        OpenListener http = open;
        ChannelListener<StreamConnection> connected = secure == null ? connection -> http.handleEvent(watched(connection))
                : connection -> http.handleEvent(watched(secure.wrap(connection)));
        List<ServerSocketChannel> listening = ListenSockets.open(address, reusePort ? worker.getIoThreadCount() : 1,
                reusePort, BACKLOG);
        ChannelListener<StreamConnection> counted = connections.tracking(connected);
        ChannelListener<StreamConnection> tracked = connection -> {
            if (clientLimits.admit(connection)) {
                counted.handleEvent(connection);
            }
        };
        AcceptingThreads accepting;
        try {
            accepting = new AcceptingThreads(worker, listening, maxConnections, tracked,
                    acceptFailure((InetSocketAddress) listening.get(0).getLocalAddress()));
        } catch (IOException | RuntimeException e) {
            listening.forEach(IoUtils::safeClose);
            throw e;
        }
        ListenerSocket bound = new ListenerSocket(worker, accepting, tracked, secure);
        sockets.add(bound);
        openListeners.add(open);
        return bound;
    }

    /**
     * Says in the error log, at most once per {@link #ACCEPT_FAILURE_LINES}, that {@code address} could not accept.
     * Not through {@link ErrorLog#limited}: with no descriptor left, a class loaded for the first time from a
     * directory cannot be read, so the line is built up front and counted with JDK classes alone.
     */
    private Runnable acceptFailure(InetSocketAddress address) {
        String line = "cannot accept connections on " + IpText.hostPort(address) + ", most likely because the process"
                + " has no file descriptor left: trying again every " + AcceptingThreads.ACCEPT_RETRY.toMillis()
                + " ms; raise its limit (ulimit -n, or LimitNOFILE= for systemd) or lower maxConnections";
        AtomicLong lastLine = new AtomicLong(System.nanoTime() - ACCEPT_FAILURE_LINES.toNanos());
        return () -> {
            long now = System.nanoTime();
            if (now - lastLine.get() >= ACCEPT_FAILURE_LINES.toNanos()) {
                lastLine.set(now);
                errorLog.log(ErrorLog.Level.WARN, line);
            }
        };
    }

    /** Limits the connections accepted from now on per client, as {@code perClientConnLimit} says. */
    void limitClients(ClientLimits limits, AccessControl accessControl) {
        clientLimits.use(limits, accessControl);
    }

    /** The worker whose I/O threads carry every connection of the server. */
    XnioWorker worker() {
        return worker;
    }

    /** {@code connection} under {@code connTimeout}, on TLS above the encryption so that a stalled handshake counts. */
    private StreamConnection watched(StreamConnection connection) {
        if (!connTimeout.isZero()) {
            InactivityTimeout.watch(connection, connTimeout);
        }
        return connection;
    }

    /** Starts accepting connections on every bound listener. */
    void startAccepting() {
        sockets.forEach(ListenerSocket::startAccepting);
    }

    /** Closes the listening sockets, serving what is already in their accept queues; connections stay open. */
    void stopAccepting() {
        sockets.forEach(ListenerSocket::close);
    }

    /** Connections accepted on any listener that are still open: HTTP connections and WebSocket tunnels. */
    int openConnections() {
        return connections.count();
    }

    /** Closes every connection and stops the worker threads, waiting a few seconds at most. */
    void closeAll() {
        stopAccepting();
        CountDownLatch closed = new CountDownLatch(1);
        worker.getIoThread().execute(() -> {
            try {
                openListeners.forEach(OpenListener::closeConnections);
            } finally {
                closed.countDown();
            }
        });
        try {
            closed.await(5, TimeUnit.SECONDS);
            worker.shutdownNow();
            worker.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
