package dev.wsproxy.server.files;

import io.undertow.util.DateUtils;
import io.undertow.util.ETag;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Date;
import java.util.Objects;

/**
 * One version of a regular file as it is served: its validators and content type, formatted once, and for
 * a small file its bytes, so that a repeated request for an unchanged file neither opens nor reads it. An
 * encoded variant ({@code encoding} {@code gzip}) has the bytes of its own, in memory or at {@code path}, and an
 * ETag of its own; {@code encoding} is empty for the file as it is.
 */
record ServedFile(Path path, Object fileKey, long size, long modifiedMillis, ETag etag, Date lastModified,
                  String lastModifiedText, String contentType, byte[] body, String encoding) {

    static ServedFile of(Path path, BasicFileAttributes attributes, String contentType, byte[] body) {
        long modified = attributes.lastModifiedTime().toMillis();
        Date lastModified = new Date(modified / 1000 * 1000);
        ETag etag = new ETag(false, Long.toHexString(attributes.size()) + "-" + Long.toHexString(modified));
        return new ServedFile(path, attributes.fileKey(), attributes.size(), modified, etag, lastModified,
                DateUtils.toDateString(lastModified), contentType, body, "");
    }

    /** Whether {@code attributes}, just read from disk, still describe this version (same inode, size, mtime). */
    boolean isCurrent(BasicFileAttributes attributes) {
        return attributes.size() == size && attributes.lastModifiedTime().toMillis() == modifiedMillis
                && Objects.equals(attributes.fileKey(), fileKey);
    }

    /** Whether {@code variant} was made from this version of the file. */
    boolean isSourceOf(ServedFile variant) {
        return variant.modifiedMillis == modifiedMillis && Objects.equals(variant.fileKey, fileKey)
                && variant.etag.getTag().startsWith(etag.getTag() + "-");
    }

    /** This version served as {@code type} (a rewrite rule's {@code T=}). */
    ServedFile withType(String type) {
        return new ServedFile(path, fileKey, size, modifiedMillis, etag, lastModified, lastModifiedText, type, body,
                encoding);
    }

    /**
     * This version encoded with {@code encoding}: {@code size} bytes, held in {@code body} or, when that is null,
     * stored at {@code where}; its ETag is this version's with {@code -tag} added, as OLS adds {@code gz}.
     */
    ServedFile encoded(String encoding, String tag, Path where, long size, byte[] body) {
        return new ServedFile(where, fileKey, size, modifiedMillis, new ETag(false, etag.getTag() + "-" + tag),
                lastModified, lastModifiedText, contentType, body, encoding);
    }

    /** Whether this is an encoded variant rather than the file as it is. */
    boolean isEncoded() {
        return !encoding.isEmpty();
    }

    /** The whole content as a fresh read-only buffer, or null when the file is sent from disk. */
    ByteBuffer bodyBuffer() {
        return body == null ? null : ByteBuffer.wrap(body).asReadOnlyBuffer();
    }
}
