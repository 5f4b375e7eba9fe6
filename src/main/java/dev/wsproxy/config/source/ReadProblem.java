package dev.wsproxy.config.source;

import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/** Why a file cannot be read, in the words a shell would use: no such file, is a directory, permission denied. */
public final class ReadProblem {

    private ReadProblem() {
    }

    /** The reason {@code file} cannot be read, or empty when it can be opened for reading. */
    public static Optional<String> of(Path file) {
        if (!Files.exists(file)) {
            return Optional.of("no such file");
        }
        if (Files.isDirectory(file)) {
            return Optional.of("is a directory");
        }
        if (!Files.isRegularFile(file)) {
            return Optional.of("not a regular file");
        }
        // opening is what the parser does next; a permission check alone can disagree with it (ACLs, capabilities)
        try (SeekableByteChannel opened = Files.newByteChannel(file)) {
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of(of(e));
        }
    }

    /** The reason an open or read of a file failed, without the file name the exception carries. */
    public static String of(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        return String.valueOf(e.getMessage());
    }
}
