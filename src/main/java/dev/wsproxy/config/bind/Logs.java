package dev.wsproxy.config.bind;

import dev.wsproxy.config.ast.Block;
import dev.wsproxy.config.ast.Directive;
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
        return new LogSettings(paths.resolve(file(log, body).orElse("logs/error.log")),
                body.value("logLevel").map(v -> v.toUpperCase(Locale.ROOT)).orElse("INFO"),
                Settings.bool(body, "enableStderrLog").orElse(true), Optional.empty());
    }

    static LogSettings accessLog(Optional<Directive> log, PathResolver paths, String fallbackFile) {
        Block body = log.filter(Directive::isBlock).map(Block::of).orElse(Block.empty());
        return new LogSettings(paths.resolve(file(log, body).orElse(fallbackFile)), "INFO", false,
                body.value("logFormat"));
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
