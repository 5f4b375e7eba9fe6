package dev.wsproxy.server.log;

import dev.wsproxy.config.model.LogSettings;
import dev.wsproxy.config.model.ServerConfig;
import dev.wsproxy.config.model.VirtualHost;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every log file of a running server: the error log, the server access log and each vhost's own access
 * log; vhosts naming the same file share one writer.
 */
public final class ServerLogs implements RequestLogs, AutoCloseable {

    private final ErrorLog errorLog;
    private Path errorLogFile;
    private AccessLog serverAccessLog;
    private final Map<Path, AccessLogFile> files = new LinkedHashMap<>();

    private ServerLogs(ErrorLog errorLog, Path errorLogFile, LogSettings serverAccess) throws IOException {
        this.errorLog = errorLog;
        this.errorLogFile = errorLogFile;
        this.serverAccessLog = accessLog(serverAccess);
    }

    public static ServerLogs open(ServerConfig config, PrintStream stderr) throws IOException {
        ErrorLog errorLog = ErrorLog.open(config.errorLog(), stderr);
        try {
            return new ServerLogs(errorLog, config.errorLog().file().toAbsolutePath(), config.accessLog());
        } catch (IOException e) {
            errorLog.close();
            throw e;
        }
    }

    /**
     * Reopens every log file at its path, so that {@code logrotate} needs no {@code copytruncate}, and takes
     * {@code config}'s error-log settings and server access log. Files the config no longer names stay open for what
     * still writes to them (requests and tunnels of the config before) until the server stops.
     */
    public synchronized void reopen(ServerConfig config) throws IOException {
        AccessLog serverAccess = accessLog(config.accessLog());
        errorLog.reopen(config.errorLog());
        errorLogFile = config.errorLog().file().toAbsolutePath();
        serverAccessLog = serverAccess;
        for (AccessLogFile file : files.values()) {
            file.reopen();
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
    public synchronized List<Path> files() {
        List<Path> all = new ArrayList<>(List.of(errorLogFile));
        all.addAll(files.keySet());
        return all;
    }

    @Override
    public synchronized AccessLog accessLogOf(VirtualHost vhost) throws IOException {
        return vhost.accessLog().isPresent() ? accessLog(vhost.accessLog().get()) : serverAccessLog;
    }

    private AccessLog accessLog(LogSettings settings) throws IOException {
        Path path = settings.file().toAbsolutePath().normalize();
        AccessLogFile file = files.get(path);
        if (file == null) {
            file = new AccessLogFile(path);
            files.put(path, file);
        }
        return new AccessLog(file, new AccessLogFormat(settings.logFormat().orElse(AccessLogFormat.COMBINED)));
    }

    @Override
    public void close() throws IOException {
        for (AccessLogFile file : files.values()) {
            file.close();
        }
        errorLog.close();
    }
}
