package dev.wsproxy.server.log;

import dev.wsproxy.config.model.LogSettings;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/**
 * The server {@code errorlog}: lines {@code 2026-11-25 16:22:39.123 [NOTICE] message} at or above its
 * {@code logLevel}, in the configured file (directories created when missing), and also on stderr when
 * {@code enableStderrLog} is on.
 */
public final class ErrorLog implements AutoCloseable {

    /** OLS log levels, most severe first. */
    public enum Level { ERROR, WARN, NOTICE, INFO, DEBUG }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

    private final PrintStream stderrStream;
    private Level threshold;
    private Writer file;
    private Optional<PrintStream> stderr;

    private ErrorLog(Level threshold, Writer file, PrintStream stderrStream, boolean toStderr) {
        this.stderrStream = stderrStream;
        this.threshold = threshold;
        this.file = file;
        this.stderr = toStderr ? Optional.of(stderrStream) : Optional.empty();
    }

    public static ErrorLog open(LogSettings settings, PrintStream stderr) throws IOException {
        return new ErrorLog(levelOf(settings.logLevel()), openAppending(settings), stderr, settings.enableStderrLog());
    }

    private static Writer openAppending(LogSettings settings) throws IOException {
        Path path = settings.file().toAbsolutePath();
        Files.createDirectories(path.getParent());
        return Files.newBufferedWriter(path, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND, StandardOpenOption.WRITE);
    }

    /**
     * Goes on with {@code settings}: the file at its path (a new one when the old was moved away, as {@code logrotate}
     * does without {@code copytruncate}), its level and its stderr copy. The old file stays when the new cannot open.
     */
    public synchronized void reopen(LogSettings settings) throws IOException {
        Writer reopened = openAppending(settings);
        file.close();
        file = reopened;
        threshold = levelOf(settings.logLevel());
        stderr = settings.enableStderrLog() ? Optional.of(stderrStream) : Optional.empty();
    }

    /** An error log on stderr alone, for the echo backend, which has no config to name a file. */
    public static ErrorLog onStderr(PrintStream stderr) {
        return new ErrorLog(Level.INFO, Writer.nullWriter(), stderr, true);
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
        try {
            file.write(line);
            file.write(System.lineSeparator());
            file.flush();
        } catch (IOException e) {
            System.err.println("wsproxy: cannot write the error log: " + e.getMessage());
        }
        stderr.ifPresent(out -> out.println(line));
    }

    public void error(String message) {
        log(Level.ERROR, message);
    }

    public void notice(String message) {
        log(Level.NOTICE, message);
    }

    @Override
    public synchronized void close() throws IOException {
        file.close();
    }
}
