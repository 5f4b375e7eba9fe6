package dev.wsproxy.config.model;

import dev.wsproxy.config.source.Span;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * A vhost {@code realm}: its htpasswd-style user file, an optional group file, and how long a read of them is
 * trusted before the files are checked for changes (the userDB {@code expire}, default 60 seconds).
 */
public record Realm(String name, Path userFile, Optional<Path> groupFile, Duration recheck, Span span) {
}
