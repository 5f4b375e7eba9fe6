package dev.wsproxy.server.log;

import dev.wsproxy.config.model.LogSettings;
import dev.wsproxy.config.model.ServerConfig;
import dev.wsproxy.config.model.VirtualHost;
import dev.wsproxy.server.metrics.Metrics;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every log file of a running server: the error log, the server access log and each vhost's own access
 * log; vhosts naming the same file share one writer (and the rolling of the first to name it). Once
 * {@link #startRolling() rolling}, each file is checked once a second, rolled and opened again as OLS does.
 */
public final class ServerLogs implements RequestLogs, AutoCloseable {

    private final ErrorLog errorLog;
    private final LogSettings errorLogSettings;
    private final Metrics metrics;
    private LogSettings serverAccessSettings;
    private AccessLog serverAccessLog;
    private final Map<Path, AccessLogFile> files = new LinkedHashMap<>();
    private final LogRoller roller;
    private boolean rolling;

    private ServerLogs(ErrorLog errorLog, LogSettings errorLogSettings, LogSettings serverAccess, Metrics metrics)
            throws IOException {
        this.errorLog = errorLog;
        this.metrics = metrics;
        this.serverAccessSettings = serverAccess;
        this.errorLogSettings = errorLogSettings;
        this.roller = new LogRoller(errorLog);
        roller.watch(new LogRoller.Watched(errorLog.file().orElseThrow(), errorLogSettings.rolling()));
        // OLS rolls a large error log at start-up, before the first line of this run goes into it
        roller.checkAll();
        this.serverAccessLog = accessLog(serverAccess, Metrics.NO_VHOST);
    }

    /** @param metrics what the access logs count their lines in */
    public static ServerLogs open(ServerConfig config, PrintStream stderr, Metrics metrics) throws IOException {
        ErrorLog errorLog = ErrorLog.open(config.errorLog(), stderr);
        try {
            return new ServerLogs(errorLog, config.errorLog(), config.accessLog(), metrics);
        } catch (IOException e) {
            errorLog.close();
            throw e;
        }
    }

    @Override
    public ErrorLog errorLog() {
        return errorLog;
    }

    @Override
    public synchronized AccessLog serverAccessLog() {
        return serverAccessLog;
    }

    /** Every log file opened so far: the error log, then the access logs. */
    public List<Path> files() {
        List<Path> all = new ArrayList<>(List.of(errorLogSettings.file().toAbsolutePath()));
        all.addAll(files.keySet());
        return all;
    }

    @Override
    public synchronized AccessLog accessLogOf(VirtualHost vhost) throws IOException {
        return accessLog(vhost.accessLog().orElse(serverAccessSettings), vhost.name());
    }

    private synchronized AccessLog accessLog(LogSettings settings, String vhost) throws IOException {
        Path path = settings.file().toAbsolutePath().normalize();
        AccessLogFile file = files.get(path);
        if (file == null) {
            file = new AccessLogFile(path, errorLog);
            files.put(path, file);
            roller.watch(new LogRoller.Watched(file.file(), settings.rolling()));
        }
        return new AccessLog(file, new AccessLogFormat(settings.logFormat().orElse(AccessLogFormat.COMBINED)), vhost,
                metrics.vhost(vhost), errorLog);
    }

    /** Checks every log file once a second from now on; call it once every log is open. */
    public synchronized void startRolling() {
        if (!rolling) {
            rolling = true;
            roller.start();
        }
    }

    /**
     * For a reload: opens every log file again at its path, as {@link #reopen()}, and takes {@code next}'s server
     * access log and its error-log level and stderr copy. Access logs {@code next} names anew open when its vhosts
     * ask for them; the error log stays at the path it was started with.
     */
    public synchronized void reopen(ServerConfig next) throws IOException {
        reopen();
        errorLog.follow(next.errorLog());
        serverAccessLog = accessLog(next.accessLog(), Metrics.NO_VHOST);
        serverAccessSettings = next.accessLog();
    }

    /**
     * Opens every log file again at its path: after logrotate moved them, or to pick up files deleted by hand. A
     * file that cannot be opened stays on its old file, with an error-log line that says why.
     */
    public void reopen() {
        for (LogRoller.Watched log : roller.watched()) {
            try {
                log.file().reopen();
            } catch (IOException e) {
                errorLog.error("cannot open the log " + log.file().path() + " again: " + e);
            }
        }
    }

    @Override
    public void close() throws IOException {
        roller.close();
        for (AccessLogFile file : files.values()) {
            file.close();
        }
        errorLog.close();
    }
}
