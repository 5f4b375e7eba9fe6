package dev.wsproxy.server.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The files of one static context served lately, with the bytes of the small ones. Every request still
 * reads the file's attributes from disk and uses a cached version only while its inode, size and
 * modification time are unchanged, so a changed, replaced or removed file is seen by the next request;
 * what the cache saves is the open, read and close of small files and formatting their headers again.
 * Bounded: when the bytes held would pass {@value #MAX_BYTES} or the entries {@value #MAX_ENTRIES}, it
 * starts over empty.
 */
final class SmallFileCache {

    /** Files up to this size are held in memory and sent with the head in one write; larger ones by sendfile. */
    static final long MAX_FILE_SIZE = 16 * 1024;
    private static final long MAX_BYTES = 32L * 1024 * 1024;
    private static final int MAX_ENTRIES = 8192;

    private final Map<Path, ServedFile> entries = new ConcurrentHashMap<>();
    private final AtomicLong bytesHeld = new AtomicLong();

    /** The cached version of {@code file} if {@code attributes} show it unchanged, else null. */
    ServedFile current(Path file, BasicFileAttributes attributes) {
        ServedFile cached = entries.get(file);
        return cached != null && cached.isCurrent(attributes) ? cached : null;
    }

    /** Reads {@code file} as {@code attributes} describe it, keeping it for later requests when small. */
    ServedFile load(Path file, BasicFileAttributes attributes, String contentType) throws IOException {
        if (attributes.size() > MAX_FILE_SIZE) {
            ServedFile large = ServedFile.of(file, attributes, contentType, null);
            remember(large, 0);
            return large;
        }
        byte[] body = Files.readAllBytes(file);
        if (body.length != attributes.size()) {
            // written to while we read: serve from disk as before and let the next request cache it
            return ServedFile.of(file, attributes, contentType, null);
        }
        ServedFile small = ServedFile.of(file, attributes, contentType, body);
        remember(small, body.length);
        return small;
    }

    private void remember(ServedFile served, long bytes) {
        if (bytesHeld.addAndGet(bytes) > MAX_BYTES || entries.size() >= MAX_ENTRIES) {
            entries.clear();
            bytesHeld.set(bytes);
        }
        ServedFile previous = entries.put(served.path(), served);
        if (previous != null && previous.body() != null) {
            bytesHeld.addAndGet(-previous.body().length);
        }
    }
}
