package dev.wsproxy.config.model;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A log file: the server {@code errorlog} (with {@code logLevel}, {@code enableStderrLog}) or an
 * {@code accessLog} (with an optional Apache-style {@code logFormat}; empty means combined), and how it rolls.
 */
public record LogSettings(Path file, String logLevel, boolean enableStderrLog, Optional<String> logFormat,
                          LogRolling rolling) {

    /** A log that never rolls. */
    public LogSettings(Path file, String logLevel, boolean enableStderrLog, Optional<String> logFormat) {
        this(file, logLevel, enableStderrLog, logFormat, LogRolling.NEVER);
    }
}
