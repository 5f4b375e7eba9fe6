package dev.wsproxy.tls;

import java.nio.file.Path;

/** A key or certificate file that cannot be used, with the file, the kind of problem and the reason in words. */
public final class KeyMaterialException extends Exception {

    /** What is wrong, so that lint can give each its own code. */
    public enum Kind { MISSING, UNREADABLE, ENCRYPTED, INVALID, MISMATCH }

    private final Path file;
    private final Kind kind;
    private final String reason;

    public KeyMaterialException(Path file, Kind kind, String reason) {
        super(file + ": " + reason);
        this.file = file;
        this.kind = kind;
        this.reason = reason;
    }

    public Path file() {
        return file;
    }

    public Kind kind() {
        return kind;
    }

    public String reason() {
        return reason;
    }
}
