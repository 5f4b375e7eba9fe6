package dev.wsproxy.server;

import dev.wsproxy.config.model.HostMapping;
import dev.wsproxy.config.model.Listener;
import dev.wsproxy.config.model.ServerConfig;
import dev.wsproxy.config.model.TlsSettings;
import dev.wsproxy.config.model.VirtualHost;
import dev.wsproxy.server.http.TcpCork;
import dev.wsproxy.server.log.ErrorLog;
import dev.wsproxy.server.log.IpText;
import dev.wsproxy.server.log.ServerLogs;
import dev.wsproxy.server.metrics.Metrics;
import dev.wsproxy.server.pipeline.Pipeline;
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
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;

/**
 * A running wsproxy: one listening socket per OLS listener, each routing by Host to the vhosts it maps,
 * with the server's accessControl, request limits, logs and graceful stop.
 */
public final class WsproxyServer implements AutoCloseable {

    private final Connectors connectors;
    private final List<GracefulShutdownHandler> gracefulRoots;
    private final List<BoundListener> listeners;
    private final ServerLogs logs;
    private final Metrics metrics;
    private final Duration gracePeriod;
    private final AtomicBoolean stopped = new AtomicBoolean();

    private WsproxyServer(Connectors connectors, List<GracefulShutdownHandler> gracefulRoots, List<BoundListener> listeners,
                          ServerLogs logs, Metrics metrics, Duration gracePeriod) {
        this.connectors = connectors;
        this.metrics = metrics;
        this.gracefulRoots = gracefulRoots;
        this.listeners = listeners;
        this.logs = logs;
        this.gracePeriod = gracePeriod;
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
            connectors = new Connectors(config.tuning());
        } catch (IOException e) {
            closeQuietly(logs);
            throw new StartupException("cannot start the I/O threads: " + e.getMessage(), e);
        }
        try {
            WsproxyServer server = startWith(config, parts, ports, logs, connectors, metrics);
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

    private static WsproxyServer startWith(ServerConfig config, ServerParts parts, ListenerPorts ports, ServerLogs logs,
                                           Connectors connectors, Metrics metrics) throws StartupException {
        Pipeline pipeline;
        try {
            pipeline = Pipeline.build(config, logs, parts.upgradeRouting());
        } catch (IOException e) {
            throw new StartupException(e.getMessage(), e);
        }
        List<GracefulShutdownHandler> roots = new ArrayList<>();
        Map<String, BoundListener> bound = new HashMap<>();
        for (Listener listener : bindOrder(config.listeners())) {
            GracefulShutdownHandler root = new GracefulShutdownHandler(pipeline.rootOf(listener));
            roots.add(root);
            SSLContext tls = listener.secure() ? sslContext(listener, config, parts) : null;
            int port = ports.portFor(listener);
            String shown = IpText.hostPort(listener.address().host(), port);
            try {
                InetSocketAddress address = connectors.bind(
                        new InetSocketAddress(InetAddress.getByName(listener.address().host()), port), listener.reusePort(),
                        tls, listener.tls().map(TlsSettings::offersHttp2).orElse(false), root);
                bound.put(listener.name(), new BoundListener(listener.name(), address, listener.secure()));
            } catch (IOException e) {
                throw new StartupException("listener " + listener.name() + " cannot listen on " + shown + ": "
                        + e.getMessage() + " (" + BindFailure.hint(e, port) + ")", e);
            }
            logs.errorLog().notice("listener " + listener.name() + " serving " + (listener.secure() ? "https" : "http")
                    + " on " + IpText.hostPort(bound.get(listener.name()).address()));
        }
        if (TcpCork.closedByJvm()) {
            logs.errorLog().log(ErrorLog.Level.WARN, "large static files go out without TCP_CORK, at a lower rate,"
                    + " the I/O threads keep the JDK's slower selected-key sets, and WebSocket tunnels run on XNIO"
                    + " instead of wsproxy's own epoll loops:"
                    + " start wsproxy with java -jar (bin/wsproxy does) or add --add-opens java.base/sun.nio.ch=ALL-UNNAMED");
        }
        List<BoundListener> inConfigOrder = config.listeners().stream().map(l -> bound.get(l.name())).toList();
        return new WsproxyServer(connectors, roots, inConfigOrder, logs, metrics,
                Duration.ofSeconds(Math.max(0, config.gracefulRestartTimeoutSeconds())));
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

    public List<BoundListener> listeners() {
        return listeners;
    }

    /** The bound address of the listener with this config name. */
    public InetSocketAddress address(String listenerName) {
        return listeners.stream().filter(l -> l.name().equals(listenerName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no listener named " + listenerName)).address();
    }

    public ErrorLog errorLog() {
        return logs.errorLog();
    }

    /** What this server counts, for {@code /metrics}. */
    public Metrics metrics() {
        return metrics;
    }

    /** Whether it still serves: false once it has begun to stop. */
    public boolean serving() {
        return !stopped.get();
    }

    /** Opens every log file again at its path (after logrotate moved them): what SIGHUP and SIGUSR1 call. */
    public void reopenLogs() {
        logs.reopen();
    }

    /**
     * Stops accepting connections, lets in-flight requests finish for at most {@code gracefulRestartTimeout},
     * then closes everything.
     *
     * @return whether every in-flight request finished in time (true when already stopped)
     */
    public boolean stop() {
        if (!stopped.compareAndSet(false, true)) {
            return true;
        }
        connectors.stopAccepting();
        gracefulRoots.forEach(GracefulShutdownHandler::shutdown);
        long deadline = System.nanoTime() + gracePeriod.toNanos();
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
        logs.errorLog().notice(drained ? "stopped after in-flight requests finished"
                : "stopped; requests still running after " + gracePeriod.toSeconds() + "s were cut off");
        connectors.closeAll();
        closeQuietly(logs);
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
