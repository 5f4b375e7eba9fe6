package dev.wsproxy.cli;

import dev.wsproxy.config.LoadResult;
import dev.wsproxy.config.diag.Severity;
import dev.wsproxy.config.lint.report.GccReporter;
import dev.wsproxy.config.model.ServerConfig;
import dev.wsproxy.server.BoundListener;
import dev.wsproxy.server.ListenerPorts;
import dev.wsproxy.server.PrivilegeDrop;
import dev.wsproxy.server.StartupException;
import dev.wsproxy.server.WsproxyServer;
import dev.wsproxy.server.admin.AdminServer;
import dev.wsproxy.server.log.ErrorLog;
import dev.wsproxy.server.log.IpText;
import dev.wsproxy.server.log.LibraryLogBridge;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The root command's work: load the config (refusing to start on any error, printed exactly as
 * {@code lint} prints it), start the server, log each warning once, serve until a stop signal, stop
 * gracefully.
 */
final class Serve {

    private final PrintWriter out;
    private final PrintWriter err;

    Serve(PrintWriter out, PrintWriter err) {
        this.out = out;
        this.err = err;
    }

    /** @param admin where to serve the admin endpoint, if anywhere */
    int run(Path configFile, Path serverRoot, Optional<InetSocketAddress> admin, StopSignals signals)
            throws InterruptedException {
        LoadResult loaded = ServableConfig.load(configFile, serverRoot);
        OptionalInt refused = ServableConfig.refusal(loaded, configFile, err, "not starting");
        if (refused.isPresent()) {
            return refused.getAsInt();
        }
        GccReporter gcc = new GccReporter();
        ServerConfig config = loaded.config().get();
        LibraryLogBridge.quiet();
        WsproxyServer server;
        try {
            server = WsproxyServer.start(config, ServeParts.create(), ListenerPorts.CONFIGURED,
                    new PrintStream(System.err, true), new PrivilegeDrop(config.runAs()));
        } catch (StartupException e) {
            err.println("wsproxy: " + e.getMessage());
            err.flush();
            return ExitCodes.FAILED;
        }
        LibraryLogBridge.install(server.errorLog());
        loaded.diagnostics().forEach(d -> server.errorLog().log(levelOf(d.severity()), gcc.format(d)));
        for (BoundListener listener : server.listeners()) {
            out.println("wsproxy: listener " + listener.name() + " on " + (listener.secure() ? "https://" : "http://")
                    + IpText.hostPort(listener.address()));
        }
        Optional<AdminServer> adminServer;
        try {
            adminServer = admin.isEmpty() ? Optional.empty()
                    : Optional.of(AdminServer.start(admin.get(), server.metrics(), new DrainByStopping(server, signals)));
        } catch (IOException e) {
            err.println("wsproxy: the admin endpoint cannot listen on " + IpText.hostPort(admin.get()) + ": " + e.getMessage());
            err.flush();
            server.stop();
            return ExitCodes.FAILED;
        }
        adminServer.ifPresent(a -> out.println("wsproxy: admin endpoint on http://" + IpText.hostPort(a.address())
                + " (/healthz, /metrics, POST /drain)"));
        out.println("wsproxy: serving " + gcc.relative(configFile) + "; error log " + gcc.relative(config.errorLog().file()));
        out.flush();
        signals.await();
        out.println("wsproxy: stopping (in-flight requests get up to " + config.gracefulRestartTimeoutSeconds() + "s)");
        out.flush();
        server.stop();
        adminServer.ifPresent(AdminServer::close);
        return ExitCodes.OK;
    }

    private static ErrorLog.Level levelOf(Severity severity) {
        return switch (severity) {
            case ERROR -> ErrorLog.Level.ERROR;
            case WARNING -> ErrorLog.Level.WARN;
            default -> ErrorLog.Level.INFO;
        };
    }
}
