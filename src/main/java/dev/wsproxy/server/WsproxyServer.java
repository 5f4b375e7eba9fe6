package dev.wsproxy.server;

import dev.wsproxy.config.model.HostMapping;
import dev.wsproxy.config.model.Listener;
import dev.wsproxy.config.model.ServerConfig;
import dev.wsproxy.config.model.TlsSettings;
import dev.wsproxy.config.model.Tuning;
import dev.wsproxy.config.model.VirtualHost;
import dev.wsproxy.server.access.AccessCheck;
import dev.wsproxy.server.http.ErrorBodies;
import dev.wsproxy.server.log.AccessLogging;
import dev.wsproxy.server.log.ErrorLog;
import dev.wsproxy.server.log.ServerLogs;
import dev.wsproxy.server.routing.HostRouter;
import dev.wsproxy.server.routing.RequestGuard;
import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import io.undertow.server.HttpHandler;
import io.undertow.server.handlers.GracefulShutdownHandler;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;
import org.xnio.Options;

/**
 * A running wsproxy: one Undertow listener per OLS listener, each routing by Host to the vhosts it maps,
 * with the server's accessControl, request limits, logs and graceful stop.
 */
public final class WsproxyServer implements AutoCloseable {

    private final Undertow undertow;
    private final List<GracefulShutdownHandler> gracefulRoots;
    private final List<BoundListener> listeners;
    private final ServerLogs logs;
    private final Duration gracePeriod;

    private WsproxyServer(Undertow undertow, List<GracefulShutdownHandler> gracefulRoots, List<BoundListener> listeners,
                          ServerLogs logs, Duration gracePeriod) {
        this.undertow = undertow;
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
        ServerLogs logs;
        try {
            logs = ServerLogs.open(config, stderr);
        } catch (IOException e) {
            throw new StartupException("cannot open a log file: " + e.getMessage(), e);
        }
        try {
            return startWith(config, parts, ports, logs);
        } catch (StartupException | RuntimeException e) {
            closeQuietly(logs);
            throw e;
        }
    }

    private static WsproxyServer startWith(ServerConfig config, ServerParts parts, ListenerPorts ports, ServerLogs logs)
            throws StartupException {
        Map<String, HttpHandler> vhosts = vhostHandlers(config, parts, logs);
        ErrorBodies errorBodies = new ErrorBodies(config.mime());
        Undertow.Builder builder = configuredBuilder(config.tuning());
        List<GracefulShutdownHandler> roots = new ArrayList<>();
        for (Listener listener : config.listeners()) {
            HttpHandler chain = new AccessLogging(logs.serverAccessLog(), errorBodies.around(
                    new RequestGuard(config.tuning(), AccessCheck.wrap(config.accessControl(), new HostRouter(listener, vhosts)))));
            GracefulShutdownHandler root = new GracefulShutdownHandler(chain);
            roots.add(root);
            int port = ports.portFor(listener);
            String host = listener.address().host();
            if (listener.secure()) {
                builder.addListener(new Undertow.ListenerBuilder().setType(Undertow.ListenerType.HTTPS).setPort(port).setHost(host)
                        .setSslContext(sslContext(listener, config, parts)).setRootHandler(root)
                        .setHttp2Enabled(listener.tls().map(TlsSettings::offersHttp2).orElse(false)));
            } else {
                builder.addHttpListener(port, host, root);
            }
        }
        Undertow undertow = builder.build();
        try {
            undertow.start();
        } catch (RuntimeException e) {
            undertow.stop();
            throw new StartupException(BindFailure.describe(config.listeners(), ports, e), e);
        }
        List<BoundListener> bound = new ArrayList<>();
        List<Undertow.ListenerInfo> infos = undertow.getListenerInfo();
        for (int i = 0; i < infos.size(); i++) {
            Listener listener = config.listeners().get(i);
            bound.add(new BoundListener(listener.name(), (InetSocketAddress) infos.get(i).getAddress(), listener.secure()));
        }
        WsproxyServer server = new WsproxyServer(undertow, roots, List.copyOf(bound), logs,
                Duration.ofSeconds(Math.max(0, config.gracefulRestartTimeoutSeconds())));
        for (BoundListener listener : bound) {
            logs.errorLog().notice("listener " + listener.name() + " serving " + (listener.secure() ? "https" : "http")
                    + " on " + describe(listener.address()));
        }
        return server;
    }

    private static Map<String, HttpHandler> vhostHandlers(ServerConfig config, ServerParts parts, ServerLogs logs)
            throws StartupException {
        Map<String, HttpHandler> vhosts = new HashMap<>();
        Duration proxyTimeout = Duration.ofSeconds(Math.max(1, config.tuning().connTimeoutSeconds()));
        for (VirtualHost vhost : config.virtualHosts()) {
            try {
                vhosts.put(vhost.name(), new VirtualHostHandler(vhost, config.mime(), proxyTimeout, logs.accessLogOf(vhost),
                        parts.upgradeRouting()));
            } catch (IOException e) {
                throw new StartupException("virtual host " + vhost.name() + ": cannot open its access log: " + e.getMessage(), e);
            }
        }
        return vhosts;
    }

    /** Undertow options per UNDERTOW-NOTES §7; never an XNIO READ_TIMEOUT, which would kill idle tunnels. */
    private static Undertow.Builder configuredBuilder(Tuning tuning) {
        Undertow.Builder builder = Undertow.builder()
                .setServerOption(UndertowOptions.RECORD_REQUEST_START_TIME, true)
                // twice the tuning limits so that RequestGuard sees the oversize request and answers 414/431
                .setServerOption(UndertowOptions.MAX_HEADER_SIZE, 2 * (tuning.maxReqUrlLen() + tuning.maxReqHeaderSize()));
        if (tuning.keepAliveTimeoutSeconds() > 0) {
            builder.setServerOption(UndertowOptions.NO_REQUEST_TIMEOUT, tuning.keepAliveTimeoutSeconds() * 1000);
        }
        if (tuning.connTimeoutSeconds() > 0) {
            builder.setServerOption(UndertowOptions.REQUEST_PARSE_TIMEOUT, tuning.connTimeoutSeconds() * 1000);
        }
        if (tuning.maxConnections() > 0) {
            builder.setSocketOption(Options.CONNECTION_HIGH_WATER, tuning.maxConnections())
                    .setSocketOption(Options.CONNECTION_LOW_WATER, Math.max(1, tuning.maxConnections() * 9 / 10));
        }
        return builder;
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

    /**
     * Stops accepting connections, lets in-flight requests finish for at most {@code gracefulRestartTimeout},
     * then closes everything.
     *
     * @return whether every in-flight request finished in time
     */
    public boolean stop() {
        for (Undertow.ListenerInfo info : undertow.getListenerInfo()) {
            info.suspend();
        }
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
        undertow.stop();
        closeQuietly(logs);
        return drained;
    }

    @Override
    public void close() {
        stop();
    }

    private static String describe(InetSocketAddress address) {
        String host = address.getAddress().getHostAddress();
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort();
    }

    private static void closeQuietly(ServerLogs logs) {
        try {
            logs.close();
        } catch (IOException e) {
            System.err.println("wsproxy: closing the logs failed: " + e.getMessage());
        }
    }
}
