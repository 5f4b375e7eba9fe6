package dev.wsproxy.server.log;

import dev.wsproxy.config.model.VirtualHost;
import dev.wsproxy.server.metrics.Metrics;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;

/** The logs the request pipeline writes to: the error log, and the access log of the server and of each vhost. */
public interface RequestLogs {

    ErrorLog errorLog();

    AccessLog serverAccessLog();

    /** The vhost's own access log, or the server's file and format when it has none; counted as the vhost's. */
    AccessLog accessLogOf(VirtualHost vhost) throws IOException;

    /** Logs that write nothing, for a pipeline that only explains requests. */
    static RequestLogs discarding() {
        ErrorLog errorLog = ErrorLog.onStderr(new PrintStream(OutputStream.nullOutputStream()));
        AccessLog accessLog = new AccessLog(line -> { }, new AccessLogFormat(AccessLogFormat.COMBINED), Metrics.NO_VHOST,
                new Metrics().vhost(Metrics.NO_VHOST), errorLog);
        return new RequestLogs() {
            @Override
            public ErrorLog errorLog() {
                return errorLog;
            }

            @Override
            public AccessLog serverAccessLog() {
                return accessLog;
            }

            @Override
            public AccessLog accessLogOf(VirtualHost vhost) {
                return accessLog;
            }
        };
    }
}
