package dev.wsproxy.server.exchange;

import io.undertow.util.AttachmentKey;
import java.nio.file.Path;
import java.util.Optional;

/** A vhost's {@code errorPage} files: the file to send for a status, when the vhost has one and it exists. */
@FunctionalInterface
public interface ErrorPageSource {

    /** The source of the vhost that took the current request. */
    AttachmentKey<ErrorPageSource> KEY = AttachmentKey.create(ErrorPageSource.class);

    Optional<Path> pageFor(int status);
}
