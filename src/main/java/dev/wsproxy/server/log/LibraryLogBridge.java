package dev.wsproxy.server.log;

import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Sends what Undertow and XNIO log (through java.util.logging) to the server error log instead of the
 * console: warnings and errors only, so their start-up banners stay out of it.
 */
public final class LibraryLogBridge extends Handler {

    private final ErrorLog errorLog;

    private LibraryLogBridge(ErrorLog errorLog) {
        this.errorLog = errorLog;
        setLevel(Level.WARNING);
    }

    /** Before start-up: library messages below WARNING are not printed. */
    public static void quiet() {
        Logger root = LogManager.getLogManager().getLogger("");
        root.setLevel(Level.WARNING);
    }

    /** Once the error log is open: library messages go there and nowhere else. */
    public static void install(ErrorLog errorLog) {
        Logger root = LogManager.getLogManager().getLogger("");
        for (Handler handler : root.getHandlers()) {
            root.removeHandler(handler);
        }
        root.addHandler(new LibraryLogBridge(errorLog));
    }

    @Override
    public void publish(LogRecord record) {
        if (!isLoggable(record)) {
            return;
        }
        String message = record.getLoggerName() + ": " + new java.util.logging.SimpleFormatter().formatMessage(record)
                + (record.getThrown() == null ? "" : " (" + record.getThrown() + ")");
        // a client can make Undertow repeat a line per request: one per message per interval is enough
        errorLog.limited(record.getLevel().intValue() >= Level.SEVERE.intValue() ? ErrorLog.Level.ERROR
                : ErrorLog.Level.WARN, record.getLoggerName() + " " + record.getMessage(), message);
    }

    @Override
    public void flush() {
        // every line is written through at once by the error log
    }

    @Override
    public void close() {
        // the error log belongs to the server, which closes it
    }
}
