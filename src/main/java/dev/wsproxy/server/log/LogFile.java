package dev.wsproxy.server.log;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;

/**
 * A log file open for appending (directories created when missing) that can be opened again at its path, after
 * it was rolled, moved or deleted.
 */
final class LogFile implements AutoCloseable {

    private final Path path;
    private FileChannel channel;
    /** What identifies the open file (device and inode): the path names another file once this differs. */
    private Object openedKey;

    LogFile(Path path) throws IOException {
        this.path = path.toAbsolutePath();
        Files.createDirectories(this.path.getParent());
        this.channel = open();
    }

    private FileChannel open() throws IOException {
        FileChannel opened = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                StandardOpenOption.WRITE);
        openedKey = keyAtPath();
        return opened;
    }

    Path path() {
        return path;
    }

    /** Writes all of {@code bytes}; on a failure the buffer's position says how much was written. */
    synchronized void write(ByteBuffer bytes) throws IOException {
        while (bytes.hasRemaining()) {
            channel.write(bytes);
        }
    }

    /** Whether the path no longer names the open file: it was moved, deleted or replaced. */
    boolean detached() {
        try {
            return !Objects.equals(keyAtPath(), openedKey);
        } catch (IOException e) {
            return true;
        }
    }

    /** The size of the file at the path. */
    long size() throws IOException {
        return Files.size(path);
    }

    /** Opens the path again (creating the file); when that fails the old file stays open. */
    synchronized void reopen() throws IOException {
        Files.createDirectories(path.getParent());
        FileChannel previous = channel;
        channel = open();
        previous.close();
    }

    private Object keyAtPath() throws IOException {
        return Files.readAttributes(path, BasicFileAttributes.class).fileKey();
    }

    @Override
    public synchronized void close() throws IOException {
        channel.close();
    }
}
