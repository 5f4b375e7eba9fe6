package dev.wsproxy.server.tls;

import java.nio.file.Path;

/** A key or certificate file that cannot be used, with the file and the reason in words. */
public final class KeyMaterialException extends Exception {
    private final Path file;
    private final String reason;

    public KeyMaterialException(Path file, String reason) {
        super(file + ": " + reason);
        this.file = file;
        this.reason = reason;
    }

    public Path file() {
        return file;
    }

    public String reason() {
        return reason;
    }
}
