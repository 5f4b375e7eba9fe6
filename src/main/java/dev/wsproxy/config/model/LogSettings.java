package dev.wsproxy.config.model;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A log file: the server {@code errorlog} (with {@code logLevel}, {@code enableStderrLog}) or an
 * {@code accessLog} (with an optional Apache-style {@code logFormat}; empty means combined).
 */
public record LogSettings(Path file, String logLevel, boolean enableStderrLog, Optional<String> logFormat) {
}
