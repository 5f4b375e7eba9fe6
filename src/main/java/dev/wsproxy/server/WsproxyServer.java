package dev.wsproxy.server;

import dev.wsproxy.config.model.HostMapping;
import dev.wsproxy.config.model.Listener;
import dev.wsproxy.config.model.ServerConfig;
import dev.wsproxy.config.model.TlsSettings;
import dev.wsproxy.config.model.VirtualHost;
import dev.wsproxy.server.log.ErrorLog;
import dev.wsproxy.server.log.IpText;
import dev.wsproxy.server.log.ServerLogs;
import dev.wsproxy.server.admin.Drainable;
import dev.wsproxy.server.metrics.Metrics;
import dev.wsproxy.server.pipeline.Pipeline;
import dev.wsproxy.server.platform.TcpCork;
import dev.wsproxy.server.proxy.OpenTunnels;
import io.undertow.server.HttpHandler;
import io.undertow.server.handlers.GracefulShutdownHandler;
import java.io.IOException;
import java.io.PrintStream;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;

/**
 * A running wsproxy: one listening socket per OLS listener, each routing by Host to the vhosts it maps,
 * with the server's accessControl, request limits, logs, reload in place, drain and graceful stop.
 */
public final class WsproxyServer implements Drainable, AutoCloseable {

    /** A listener being served: its config, its socket and the root handler a reload gives a new chain. */
    private record Live(Listener listener, ListenerSocket socket, ListenerRoot root) {

        BoundListener bound() {
            return new BoundListener(listener.name(), socket.address(), listener.secure());
        }
    }

    private final Connectors connectors;
    private final ServerParts parts;
    private final ListenerPorts ports;
    private final ServerLogs logs;
    private final Metrics metrics;
    /** Every root handler bound so far, those of removed listeners too: a stop waits for all their requests. */
    private final List<GracefulShutdownHandler> gracefulRoots = new CopyOnWriteArrayList<>();
    /** Reloads, the drain and the stop, one at a time. */
    private final Object lifecycle = new Object();
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final AtomicBoolean draining = new AtomicBoolean();
    private final CompletableFuture<Void> ended = new CompletableFuture<>();
    private volatile ServerConfig config;
    private volatile Pipeline pipeline;
    private volatile List<Live> live = List.of();

    private WsproxyServer(ServerConfig config, ServerParts parts, ListenerPorts ports, ServerLogs logs, Metrics metrics,
                          Connectors connectors) {
        this.config = config;
        this.metrics = metrics;
        this.parts = parts;
        this.ports = ports;
        this.logs = logs;
        this.connectors = connectors;
    }

    /**
     * Opens the logs, binds every listener and starts serving.
     *
     * @param stderr where the error log is echoed when {@code enableStderrLog} is on
     * @throws StartupException naming the listener or file when a port is taken, an address is not local,
     *                          a log cannot be opened or a secure listener has no usable certificate
     */
    public static WsproxyServer start(ServerConfig config, ServerParts parts, ListenerPorts ports, PrintStream stderr)
            throws StartupException {
        return start(config, parts, ports, stderr, BeforeServing.NOTHING);
    }

    /**
     * Opens the logs and binds every listener, runs {@code beforeServing}, then starts accepting connections.
     *
     * @throws StartupException as the other {@code start}, or what {@code beforeServing} threw
     */
    public static WsproxyServer start(ServerConfig config, ServerParts parts, ListenerPorts ports, PrintStream stderr,
                                      BeforeServing beforeServing) throws StartupException {
        Metrics metrics = new Metrics();
        ServerLogs logs;
        try {
            logs = ServerLogs.open(config, stderr, metrics);
        } catch (IOException e) {
            throw new StartupException("cannot open a log file: " + e.getMessage(), e);
        }
        Connectors connectors;
        try {
            connectors = new Connectors(config.tuning(), logs.errorLog());
            connectors.limitClients(config.clientLimits(), config.accessControl());
        } catch (IOException e) {
            closeQuietly(logs);
            throw new StartupException("cannot start the I/O threads: " + e.getMessage(), e);
        }
        try {
            WsproxyServer server = new WsproxyServer(config, parts, ports, logs, metrics, connectors);
            server.pipeline = server.pipeline(config);
            server.live = server.bindAll(config, config.listeners(), server.pipeline);
            if (TcpCork.closedByJvm()) {
                logs.errorLog().log(ErrorLog.Level.WARN, "large static files go out without TCP_CORK, at a lower rate,"
                        + " the I/O threads keep the JDK's slower selected-key sets, and WebSocket tunnels run on XNIO"
                        + " instead of wsproxy's own epoll loops:"
                        + " start wsproxy with java -jar (bin/wsproxy does) or add --add-opens java.base/sun.nio.ch=ALL-UNNAMED");
            }
            if (parts.tls().isPresent() && config.listeners().stream().anyMatch(Listener::secure)) {
                TlsContextFactory tls = parts.tls().get();
                logs.errorLog().log(tls.isFallback() ? ErrorLog.Level.WARN : ErrorLog.Level.NOTICE, tls.library());
            }
            beforeServing.run(logs.errorLog(), logs.files());
            logs.startRolling();
            connectors.startAccepting();
            return server;
        } catch (StartupException | RuntimeException e) {
            connectors.closeAll();
            closeQuietly(logs);
            throw e;
        }
    }

    /** The request pipeline of {@code config}, whose root for each listener a reload swaps in. */
    private Pipeline pipeline(ServerConfig config) throws StartupException {
        try {
            return Pipeline.build(config, logs, parts.upgradeRouting());
        } catch (IOException e) {
            throw new StartupException(e.getMessage(), e);
        }
    }

    /**
     * Binds {@code listeners} of {@code config}, not yet accepting, in {@link #bindOrder}; on a failure closes those
     * it bound and names the listener.
     *
     * @return the bound listeners in config order
     */
    private List<Live> bindAll(ServerConfig config, List<Listener> listeners, Pipeline pipeline)
            throws StartupException {
        Map<String, Live> bound = new HashMap<>();
        try {
            for (Listener listener : bindOrder(listeners)) {
                bound.put(listener.name(), bind(listener, config, pipeline.rootOf(listener)));
            }
        } catch (StartupException | RuntimeException e) {
            bound.values().forEach(l -> l.socket().close());
            throw e;
        }
        return listeners.stream().map(l -> bound.get(l.name())).toList();
    }

    private Live bind(Listener listener, ServerConfig config, HttpHandler chain) throws StartupException {
        ListenerRoot root = new ListenerRoot(chain, draining::get);
        GracefulShutdownHandler graceful = new GracefulShutdownHandler(root);
        SSLContext tls = listener.secure() ? sslContext(listener, config, parts) : null;
        int port = ports.portFor(listener);
        String shown = IpText.hostPort(listener.address().host(), port);
        ListenerSocket socket;
        try {
            socket = connectors.bind(new InetSocketAddress(InetAddress.getByName(listener.address().host()), port),
                    listener.reusePort(), tls, listener.tls().map(TlsSettings::offersHttp2).orElse(false), graceful);
        } catch (IOException e) {
            throw new StartupException("listener " + listener.name() + " cannot listen on " + shown + ": "
                    + e.getMessage() + " (" + BindFailure.hint(e, port) + ")", e);
        }
        gracefulRoots.add(graceful);
        logs.errorLog().notice("listener " + listener.name() + " serving " + (listener.secure() ? "https" : "http")
                + " on " + IpText.hostPort(socket.address()));
        return new Live(listener, socket, root);
    }

    /**
     * The listeners with the IPv6 wildcards last: one whose port IPv4 sockets already hold without
     * {@code SO_REUSEPORT} then falls back to IPv6-only, where bound first it would keep those from binding.
     */
    private static List<Listener> bindOrder(List<Listener> listeners) {
        List<Listener> order = new ArrayList<>(listeners);
        order.sort(Comparator.comparing(l -> l.address().ip() instanceof Inet6Address && l.address().ip().isAnyLocalAddress()));
        return order;
    }

    private static SSLContext sslContext(Listener listener, ServerConfig config, ServerParts parts) throws StartupException {
        if (parts.tls().isEmpty()) {
            throw new StartupException("listener " + listener.name() + " (" + listener.address().text()
                    + ") is secure, but this server was built without TLS support; set secure 0 or use a build with TLS");
        }
        Set<String> mapped = listener.mappings().stream().map(HostMapping::vhostName).collect(Collectors.toSet());
        List<VirtualHost> vhosts = config.virtualHosts().stream().filter(v -> mapped.contains(v.name())).toList();
        try {
            return parts.tls().get().create(listener, vhosts);
        } catch (TlsContextFactory.TlsSetupException e) {
            throw new StartupException("listener " + listener.name() + ": " + e.getMessage(), e);
        }
    }

    /** The listeners being served, in config order. */
    public List<BoundListener> listeners() {
        return live.stream().map(Live::bound).toList();
    }

    /** The bound address of the listener with this config name. */
    public InetSocketAddress address(String listenerName) {
        return live.stream().filter(l -> l.listener().name().equals(listenerName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no listener named " + listenerName)).socket().address();
    }

    public ErrorLog errorLog() {
        return logs.errorLog();
    }

    /** What this server counts, for {@code /metrics}. */
    public Metrics metrics() {
        return metrics;
    }

    /** Whether it still serves: false once it has begun to drain or stop. */
    @Override
    public boolean serving() {
        return !stopped.get() && !draining.get();
    }

    /**
     * Serves {@code next} in place of the config being served, for new requests and new upgrades: vhosts, contexts,
     * websocket routes, access control, realms, TLS certificates (read again), log files (reopened at their paths) and
     * listeners (added ones bound, removed ones closed, changed ones rebound). Requests in flight and open tunnels keep
     * what they started with. Logs one NOTICE line saying what changed.
     *
     * @throws StartupException naming the listener or file when the new config cannot be served; the config before
     *                          is then served on, unchanged
     */
    public ReloadSummary reload(ServerConfig next) throws StartupException {
        synchronized (lifecycle) {
            if (stopped.get() || draining.get()) {
                throw new StartupException("the server is " + (stopped.get() ? "stopped" : "draining") + "; not reloading");
            }
            ServerConfig previous = config;
            ListenerDiff diff = ListenerDiff.between(previous.listeners(), next.listeners());
            Map<String, SSLContext> certificates = new HashMap<>();
            for (Listener listener : diff.kept()) {
                if (listener.secure()) {
                    certificates.put(listener.name(), sslContext(listener, next, parts));
                }
            }
            try {
                logs.reopen(next);
            } catch (IOException e) {
                throw new StartupException("cannot open a log file: " + e.getMessage(), e);
            }
            Pipeline pipeline = pipeline(next);
            Map<String, Live> old = live.stream().collect(Collectors.toMap(l -> l.listener().name(), l -> l));
            List<Live> bound = bindAll(next, diff.toBind(), pipeline);
            Map<String, Live> served = new HashMap<>();
            bound.forEach(l -> served.put(l.listener().name(), l));
            for (Listener listener : diff.kept()) {
                Live kept = old.get(listener.name());
                kept.root().serve(pipeline.rootOf(listener));
                Optional.ofNullable(certificates.get(listener.name())).ifPresent(kept.socket()::useTls);
                served.put(listener.name(), new Live(listener, kept.socket(), kept.root()));
            }
            bound.forEach(l -> l.socket().startAccepting());
            Stream.concat(diff.removed().stream(), diff.rebound().stream().map(Listener::name))
                    .forEach(name -> old.get(name).socket().close());
            live = next.listeners().stream().map(l -> served.get(l.name())).toList();
            connectors.limitClients(next.clientLimits(), next.accessControl());
            config = next;
            this.pipeline.retire();
            this.pipeline = pipeline;
            ReloadSummary summary = ReloadSummary.of(previous, next, diff, certificates.keySet());
            logs.errorLog().notice(summary.toString());
            return summary;
        }
    }

    /**
     * Drains this server for a handover to another process on the same ports: closes its listeners at once (what
     * they had queued is still served), answers each further request with {@code Connection: close}, lets requests and
     * WebSocket tunnels run until they end or {@code gracefulRestartTimeout} passes, then stops as {@link #stop()}
     * does. Returns at once; {@link #whenStopped()} completes at the end. For {@code SIGUSR2} and the admin endpoint's
     * {@code POST /drain}.
     */
    @Override
    public void drain() {
        synchronized (lifecycle) {
            if (stopped.get() || !draining.compareAndSet(false, true)) {
                return;
            }
            connectors.stopAccepting();
        }
        Duration grace = gracePeriod();
        if (!QueuedConnectionMigration.on()) {
            logs.errorLog().log(ErrorLog.Level.WARN, "net.ipv4.tcp_migrate_req is off: a connection that reaches a"
                    + " listener in the instant it closes is reset; sysctl -w net.ipv4.tcp_migrate_req=1 hands such"
                    + " connections to the other process");
        }
        logs.errorLog().notice("draining: listeners closed; " + connectors.openConnections()
                + " connection(s) open get up to " + grace.toSeconds() + "s to finish");
        Thread drainer = new Thread(() -> {
            long deadline = System.nanoTime() + grace.toNanos();
            while (connectors.openConnections() > 0 && System.nanoTime() < deadline && !stopped.get()) {
                LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
            }
            stopWithin(Duration.ZERO);
        }, "wsproxy-drain");
        drainer.start();
    }

    /** Completes once the server has stopped, after {@link #stop()} or at the end of a {@link #drain()}. */
    public CompletableFuture<Void> whenStopped() {
        return ended;
    }

    /**
     * Stops accepting connections, lets in-flight requests finish for at most {@code gracefulRestartTimeout}, ends
     * each WebSocket tunnel with a closing handshake (1001, going away), then closes everything.
     *
     * @return whether every in-flight request finished in time (true when already stopped)
     */
    public boolean stop() {
        return stopWithin(gracePeriod());
    }

    private Duration gracePeriod() {
        return Duration.ofSeconds(Math.max(0, config.gracefulRestartTimeoutSeconds()));
    }

    private boolean stopWithin(Duration grace) {
        synchronized (lifecycle) {
            if (!stopped.compareAndSet(false, true)) {
                return true;
            }
        }
        connectors.stopAccepting();
        gracefulRoots.forEach(GracefulShutdownHandler::shutdown);
        long deadline = System.nanoTime() + grace.toNanos();
        boolean drained = true;
        try {
            for (GracefulShutdownHandler root : gracefulRoots) {
                long left = Math.max(0, (deadline - System.nanoTime()) / 1_000_000);
                drained &= root.awaitShutdown(left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            drained = false;
        }
        OpenTunnels.goingAway(connectors.worker(), OpenTunnels.CLOSE_WAIT, logs.errorLog());
        logs.errorLog().notice(drained ? "stopped after in-flight requests finished"
                : "stopped; requests still running after " + grace.toSeconds() + "s were cut off");
        // a stop and the end of a drain both come here: tunnels got their 1001 above, what still runs is closed below
        connectors.closeAll();
        pipeline.retire();
        closeQuietly(logs);
        ended.complete(null);
        return drained;
    }

    @Override
    public void close() {
        stop();
    }

    private static void closeQuietly(ServerLogs logs) {
        try {
            logs.close();
        } catch (IOException e) {
            System.err.println("wsproxy: closing the logs failed: " + e.getMessage());
        }
    }
}
