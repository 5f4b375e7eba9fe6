package dev.wsproxy.config.bind;

import dev.wsproxy.config.ast.Block;
import dev.wsproxy.config.ast.Directive;
import dev.wsproxy.config.model.LogRolling;
import dev.wsproxy.config.model.LogSettings;
import dev.wsproxy.config.value.PathResolver;
import java.util.Locale;
import java.util.Optional;

/** Reads {@code errorlog} and {@code accesslog} directives (the file is the value or a {@code fileName} key). */
final class Logs {
    private Logs() {
    }

    static LogSettings errorLog(Optional<Directive> log, PathResolver paths) {
        Block body = log.filter(Directive::isBlock).map(Block::of).orElse(Block.empty());
        LogRolling defaults = LogRolling.ERROR_LOG_DEFAULT;
        LogRolling rolling = new LogRolling(Math.max(0, Settings.number(body, "rollingSize").orElse(defaults.rollingSize())),
                keepDays(body, defaults.keepDays()), Settings.bool(body, "compressArchive").orElse(false));
        return new LogSettings(paths.resolve(file(log, body).orElse("logs/error.log")),
                body.value("logLevel").map(v -> v.toUpperCase(Locale.ROOT)).orElse("INFO"),
                Settings.bool(body, "enableStderrLog").orElse(true), Optional.empty(), rolling);
    }

    static LogSettings accessLog(Optional<Directive> log, PathResolver paths, String fallbackFile) {
        Block body = log.filter(Directive::isBlock).map(Block::of).orElse(Block.empty());
        return new LogSettings(paths.resolve(file(log, body).orElse(fallbackFile)), "INFO", false,
                body.value("logFormat"), accessLogRolling(body));
    }

    /** OLS raises a positive access-log {@code rollingSize} below 1 MiB to 1 MiB; without one the log never rolls. */
    private static LogRolling accessLogRolling(Block body) {
        long size = Settings.number(body, "rollingSize").orElse(0L);
        return new LogRolling(size <= 0 ? 0 : Math.max(size, LogRolling.ACCESS_LOG_MINIMUM), keepDays(body, 0),
                Settings.bool(body, "compressArchive").orElse(false));
    }

    private static int keepDays(Block body, int fallback) {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(0, Settings.number(body, "keepDays").orElse((long) fallback)));
    }

    /** A vhost's own access log, present unless it uses the server's ({@code useServer 1}, the default). */
    static Optional<LogSettings> vhostAccessLog(Optional<Directive> log, PathResolver paths) {
        Block body = log.filter(Directive::isBlock).map(Block::of).orElse(Block.empty());
        if (log.isEmpty() || body.value("useServer").orElse("1").equals("1") || file(log, body).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(accessLog(log, paths, ""));
    }

    private static Optional<String> file(Optional<Directive> log, Block body) {
        return log.map(d -> d.value().trim()).filter(v -> !v.isEmpty()).or(() -> body.value("fileName"));
    }
}
