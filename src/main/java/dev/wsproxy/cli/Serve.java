package dev.wsproxy.cli;

import dev.wsproxy.config.LoadResult;
import dev.wsproxy.config.diag.Diagnostic;
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
 * {@code lint} prints it), start the server, log each warning once, serve until a stop signal or the end of a
 * drain, reloading in place on HUP and USR1, then stop gracefully.
 */
final class Serve {

    private final PrintWriter out;
    private final PrintWriter err;

    Serve(PrintWriter out, PrintWriter err) {
        this.out = out;
        this.err = err;
    }

    /** @param admin where to serve the admin endpoint, if anywhere */
    int run(Path configFile, Path serverRoot, Optional<Path> pidPath, Optional<InetSocketAddress> admin,
            ServeSignals signals)
            throws InterruptedException {
        LoadResult loaded = ServableConfig.load(configFile, serverRoot);
        OptionalInt refused = ServableConfig.refusal(loaded, configFile, err, "not starting");
        if (refused.isPresent()) {
            return refused.getAsInt();
        }
        ServerConfig config = loaded.config().get();
        Optional<PidFile> pidFile;
        try {
            pidFile = pidPath.isPresent() ? Optional.of(PidFile.write(pidPath.get())) : Optional.empty();
        } catch (IOException e) {
            err.println("wsproxy: cannot write the pid file " + pidPath.get() + ": " + e.getMessage());
            err.flush();
            return ExitCodes.FAILED;
        }
        try {
            return serve(configFile, serverRoot, loaded, config, admin, signals);
        } finally {
            pidFile.ifPresent(file -> file.remove(err));
        }
    }

    private int serve(Path configFile, Path serverRoot, LoadResult loaded, ServerConfig config,
                      Optional<InetSocketAddress> admin, ServeSignals signals) throws InterruptedException {
        GccReporter gcc = new GccReporter();
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
        logDiagnostics(loaded, server.errorLog(), gcc);
        if (!signals.drainsOnUsr2()) {
            server.errorLog().log(ErrorLog.Level.WARN, "SIGUSR2 is this JVM's own thread-suspend signal and would abort"
                    + " it, so it does not drain: start wsproxy with bin/wsproxy, which moves that signal elsewhere ("
                    + ServeSignals.SUSPEND_SIGNAL_VARIABLE + "), or drain through the admin endpoint");
        }
        server.whenStopped().thenRun(() -> signals.post(ServeSignals.Action.ENDED));
        for (BoundListener listener : server.listeners()) {
            out.println("wsproxy: listener " + listener.name() + " on " + (listener.secure() ? "https://" : "http://")
                    + IpText.hostPort(listener.address()));
        }
        Optional<AdminServer> adminServer;
        try {
            adminServer = admin.isEmpty() ? Optional.empty() : Optional.of(AdminServer.start(admin.get(), server.metrics(), server));
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
        try {
            return serveUntilStopped(configFile, serverRoot, config, server, signals);
        } finally {
            adminServer.ifPresent(AdminServer::close);
        }
    }

    private int serveUntilStopped(Path configFile, Path serverRoot, ServerConfig config, WsproxyServer server,
                                  ServeSignals signals) throws InterruptedException {
        while (true) {
            switch (signals.next()) {
                case RELOAD -> server.metrics().reloaded(reload(configFile, serverRoot, server));
                case DRAIN -> server.drain();
                case STOP -> {
                    out.println("wsproxy: stopping (in-flight requests get up to "
                            + config.gracefulRestartTimeoutSeconds() + "s)");
                    out.flush();
                    server.stop();
                    return ExitCodes.OK;
                }
                case ENDED -> {
                    return ExitCodes.OK;
                }
            }
        }
    }

    /**
     * Reads and checks the whole config again, as at start-up, and serves it in place; a config with errors, or one
     * the server cannot take (a port in use, a certificate that does not load), leaves the one being served, with
     * the reasons in the error log.
     *
     * @return whether the new config is served
     */
    private static boolean reload(Path configFile, Path serverRoot, WsproxyServer server) {
        GccReporter gcc = new GccReporter();
        ErrorLog errorLog = server.errorLog();
        errorLog.notice("reloading " + configFile);
        LoadResult loaded = ServableConfig.load(configFile, serverRoot);
        if (loaded.stopsServe() || loaded.config().isEmpty()) {
            loaded.diagnostics().stream().filter(Diagnostic::stopsServe).forEach(d -> errorLog.error(gcc.format(d)));
            errorLog.error("reload refused: " + errorCount(loaded) + " error(s) in " + configFile
                    + "; still serving the config loaded before");
            return false;
        }
        try {
            server.reload(loaded.config().get());
        } catch (StartupException e) {
            errorLog.error("reload refused: " + e.getMessage() + "; still serving the config loaded before");
            return false;
        }
        logDiagnostics(loaded, errorLog, gcc);
        return true;
    }

    private static long errorCount(LoadResult loaded) {
        return loaded.diagnostics().stream().filter(Diagnostic::stopsServe).count();
    }

    private static void logDiagnostics(LoadResult loaded, ErrorLog errorLog, GccReporter gcc) {
        loaded.diagnostics().forEach(d -> errorLog.log(levelOf(d.severity()), gcc.format(d)));
    }

    private static ErrorLog.Level levelOf(Severity severity) {
        return switch (severity) {
            case ERROR -> ErrorLog.Level.ERROR;
            case WARNING -> ErrorLog.Level.WARN;
            default -> ErrorLog.Level.INFO;
        };
    }
}
