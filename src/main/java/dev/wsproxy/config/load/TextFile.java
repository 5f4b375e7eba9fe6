package dev.wsproxy.config.load;

import java.util.Optional;

/**
 * A text file a config names (the mime file, a {@code RewriteFile}): its content, or why it could not be read.
 *
 * @param text  the content, empty when the file could not be read
 * @param error why a readable-looking file failed to read; empty when it is missing or unreadable, or was read
 */
public record TextFile(Optional<String> text, Optional<String> error) {

    /** A file that does not exist or cannot be opened. */
    public static final TextFile MISSING = new TextFile(Optional.empty(), Optional.empty());

    public static TextFile read(String text) {
        return new TextFile(Optional.of(text), Optional.empty());
    }

    public static TextFile failed(String error) {
        return new TextFile(Optional.empty(), Optional.of(error));
    }
}
