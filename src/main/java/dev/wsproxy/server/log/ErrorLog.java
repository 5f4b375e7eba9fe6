package dev.wsproxy.server.log;

import dev.wsproxy.config.model.LogSettings;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/**
 * The server {@code errorlog}: lines {@code 2026-11-25 16:22:39.123 [NOTICE] message} at or above its
 * {@code logLevel}, in the configured file (directories created when missing), and also on stderr when
 * {@code enableStderrLog} is on. While the file cannot be written (a full disk) its lines go to stderr.
 */
public final class ErrorLog implements AutoCloseable {

    /** OLS log levels, most severe first. */
    public enum Level { ERROR, WARN, NOTICE, INFO, DEBUG }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

    private volatile Level threshold;
    private final Optional<LogFile> file;
    private final PrintStream stderr;
    private volatile boolean echo;
    private final LogThrottle throttle = new LogThrottle();
    private boolean failing;

    private ErrorLog(Level threshold, Optional<LogFile> file, PrintStream stderr, boolean echo) {
        this.threshold = threshold;
        this.file = file;
        this.stderr = stderr;
        this.echo = echo;
    }

    public static ErrorLog open(LogSettings settings, PrintStream stderr) throws IOException {
        return new ErrorLog(levelOf(settings.logLevel()), Optional.of(new LogFile(settings.file())), stderr,
                settings.enableStderrLog());
    }

    /** Goes on with the level and the stderr copy of {@code settings} (a reload); its file stays. */
    public void follow(LogSettings settings) {
        threshold = levelOf(settings.logLevel());
        echo = settings.enableStderrLog();
    }

    /** An error log on stderr alone, for the echo backend, which has no config to name a file. */
    public static ErrorLog onStderr(PrintStream stderr) {
        return new ErrorLog(Level.INFO, Optional.empty(), stderr, true);
    }

    /** {@code DEBUG}, {@code info}, ...; an unknown name means the OLS default, {@code DEBUG} being opt-in. */
    static Level levelOf(String name) {
        try {
            return Level.valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return Level.INFO;
        }
    }

    private boolean enabled(Level level) {
        return level.compareTo(threshold) <= 0;
    }

    public synchronized void log(Level level, String message) {
        if (!enabled(level)) {
            return;
        }
        String line = LocalDateTime.now().format(TIME) + " [" + level + "] " + message;
        boolean written = file.isPresent() && writeToFile(file.get(), line);
        if (echo || (file.isPresent() && !written)) {
            stderr.println(line);
        }
    }

    private boolean writeToFile(LogFile log, String line) {
        try {
            log.write(ByteBuffer.wrap((line + System.lineSeparator()).getBytes(StandardCharsets.UTF_8)));
            if (failing) {
                failing = false;
                stderr.println("wsproxy: writing the error log " + log.path() + " again");
            }
            return true;
        } catch (IOException e) {
            if (!failing) {
                failing = true;
                stderr.println("wsproxy: cannot write the error log " + log.path() + " (" + e.getMessage()
                        + "); its lines go to stderr until it can");
            }
            return false;
        }
    }

    /**
     * Logs a line of a kind that a client can repeat at will (a refused request, a failed upgrade): the first of
     * each kind per interval is written, the others are counted and summed up in one line when the interval ends.
     *
     * @param kind what lines of the same kind share, without the client's own text (address, path)
     */
    public void limited(Level level, String kind, String message) {
        if (!enabled(level)) {
            return;
        }
        long now = System.nanoTime();
        writeSummaries(now);
        if (throttle.admit(kind, level, message, now)) {
            log(level, message);
        }
    }

    /** Writes the counts of the lines {@link #limited} held back in intervals that are over. */
    void writeSummaries(long nowNanos) {
        throttle.expire(nowNanos).forEach(summary -> log(summary.level(), summary.text()));
    }

    public void error(String message) {
        log(Level.ERROR, message);
    }

    public void notice(String message) {
        log(Level.NOTICE, message);
    }

    /** Its file, or empty for a log on stderr alone. */
    Optional<LogFile> file() {
        return file;
    }

    @Override
    public synchronized void close() throws IOException {
        if (file.isPresent()) {
            file.get().close();
        }
    }
}
