package dev.wsproxy.server.files;

import dev.wsproxy.config.model.Compression;
import dev.wsproxy.server.compress.GzipOutput;
import dev.wsproxy.server.log.ErrorLog;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The gzipped versions of one static context's files, made as OLS makes them: once per version of a file, when
 * {@code gzipAutoUpdateStatic} is on, for files of a compressible type from {@code gzipMinFileSize} to
 * {@code gzipMaxFileSize}, at {@code gzipStaticCompressLevel}. They are kept in memory (at most
 * {@value #MAX_BYTES} bytes, then it starts over empty), or with {@code gzipCacheDir} in that directory, under
 * OLS's names (an MD5 of the file's path), stamped with the file's modification time: a file that changes gets a
 * new one at its next request. A file changed within the last second is not compressed yet, as in OLS, since
 * it may still be being written.
 */
final class GzipVariants {

    static final String ENCODING = "gzip";
    private static final String TAG = "gz";
    private static final long MAX_BYTES = 32L * 1024 * 1024;
    private static final long SETTLE_MILLIS = 1000;

    private final Compression settings;
    private final ErrorLog errorLog;
    private final Map<Path, ServedFile> inMemory = new ConcurrentHashMap<>();
    private final Set<Path> making = ConcurrentHashMap.newKeySet();
    private final AtomicLong bytesHeld = new AtomicLong();

    GzipVariants(Compression settings, ErrorLog errorLog) {
        this.settings = settings;
        this.errorLog = errorLog;
    }

    /** Whether this file may go out gzipped, to a client that accepts it: then its responses vary by Accept-Encoding. */
    boolean applies(ServedFile file) {
        return settings.gzip() && (settings.autoUpdateStatic() || settings.cacheDir().isPresent())
                && settings.staticSizeFits(file.size()) && settings.types().covers(file.contentType());
    }

    /** The variant already made of this version of {@code file}, or null. */
    ServedFile current(ServedFile file) {
        if (settings.cacheDir().isEmpty()) {
            ServedFile kept = inMemory.get(file.path());
            return kept != null && file.isSourceOf(kept) ? kept.withType(file.contentType()) : null;
        }
        Path stored = storedPath(file.path());
        try {
            BasicFileAttributes attributes = Files.readAttributes(stored, BasicFileAttributes.class);
            return attributes.isRegularFile() && attributes.lastModifiedTime().toMillis() == file.modifiedMillis()
                    ? file.encoded(ENCODING, TAG, stored, attributes.size(), null) : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** Whether a variant of {@code file} may be made now. */
    boolean mayMake(ServedFile file) {
        return settings.autoUpdateStatic() && System.currentTimeMillis() - file.modifiedMillis() >= SETTLE_MILLIS;
    }

    /**
     * Makes the variant of {@code file}, blocking while it compresses; null when another request is making it
     * (that request serves the file as it is meanwhile, as OLS does) or the file could not be read.
     */
    ServedFile make(ServedFile file) {
        if (!making.add(file.path())) {
            return null;
        }
        try {
            return settings.cacheDir().isPresent() ? store(file) : keep(file);
        } catch (IOException e) {
            errorLog.limited(ErrorLog.Level.WARN, "gzip", "could not gzip " + file.path() + ": " + e.getMessage()
                    + "; it is sent as it is");
            return null;
        } finally {
            making.remove(file.path());
        }
    }

    private ServedFile keep(ServedFile file) throws IOException {
        ByteArrayOutputStream gzipped = new ByteArrayOutputStream((int) Math.min(file.size() / 3 + 64, 1 << 20));
        compress(file, gzipped);
        byte[] bytes = gzipped.toByteArray();
        ServedFile variant = file.encoded(ENCODING, TAG, file.path(), bytes.length, bytes);
        if (bytesHeld.addAndGet(bytes.length) > MAX_BYTES) {
            inMemory.clear();
            bytesHeld.set(bytes.length);
        }
        ServedFile previous = inMemory.put(file.path(), variant);
        if (previous != null) {
            bytesHeld.addAndGet(-previous.size());
        }
        return variant;
    }

    private ServedFile store(ServedFile file) throws IOException {
        Path stored = storedPath(file.path());
        Files.createDirectories(stored.getParent());
        Path partial = Files.createTempFile(stored.getParent(), stored.getFileName().toString(), ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(partial)) {
                compress(file, out);
            }
            Files.setLastModifiedTime(partial, FileTime.fromMillis(file.modifiedMillis()));
            Files.move(partial, stored, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
        return file.encoded(ENCODING, TAG, stored, Files.size(stored), null);
    }

    /** Gzips the file's bytes (from memory when held) into {@code out}, and fails if the file changed meanwhile. */
    private void compress(ServedFile file, OutputStream out) throws IOException {
        long read = 0;
        try (GzipOutput gzip = new GzipOutput(out, settings.staticLevel(), false)) {
            if (file.body() != null) {
                gzip.write(file.body());
                read = file.body().length;
            } else {
                try (InputStream in = Files.newInputStream(file.path())) {
                    read = in.transferTo(gzip);
                }
            }
        }
        if (read != file.size()) {
            throw new IOException("it changed while it was read");
        }
    }

    /** Where OLS keeps the variant: {@code <dir>/<h>/<h>/<30 hex>.lsz}, from the MD5 of the file's path. */
    private Path storedPath(Path file) {
        byte[] hash = md5(file.toString().getBytes(StandardCharsets.UTF_8));
        String rest = HexFormat.of().formatHex(hash, 1, hash.length);
        return settings.cacheDir().orElseThrow().resolve(Integer.toHexString((hash[0] >> 4) & 0xf))
                .resolve(Integer.toHexString(hash[0] & 0xf)).resolve(rest + ".lsz");
    }

    private static byte[] md5(byte[] bytes) {
        try {
            return MessageDigest.getInstance("MD5").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has MD5", e);
        }
    }
}
