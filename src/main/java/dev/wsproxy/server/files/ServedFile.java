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
 * a small file its bytes, so that a repeated request for an unchanged file neither opens nor reads it.
 */
record ServedFile(Path path, Object fileKey, long size, long modifiedMillis, ETag etag, Date lastModified,
                  String lastModifiedText, String contentType, byte[] body) {

    static ServedFile of(Path path, BasicFileAttributes attributes, String contentType, byte[] body) {
        long modified = attributes.lastModifiedTime().toMillis();
        Date lastModified = new Date(modified / 1000 * 1000);
        ETag etag = new ETag(false, Long.toHexString(attributes.size()) + "-" + Long.toHexString(modified));
        return new ServedFile(path, attributes.fileKey(), attributes.size(), modified, etag, lastModified,
                DateUtils.toDateString(lastModified), contentType, body);
    }

    /** Whether {@code attributes}, just read from disk, still describe this version (same inode, size, mtime). */
    boolean isCurrent(BasicFileAttributes attributes) {
        return attributes.size() == size && attributes.lastModifiedTime().toMillis() == modifiedMillis
                && Objects.equals(attributes.fileKey(), fileKey);
    }

    /** This version served as {@code type} (a rewrite rule's {@code T=}). */
    ServedFile withType(String type) {
        return new ServedFile(path, fileKey, size, modifiedMillis, etag, lastModified, lastModifiedText, type, body);
    }

    /** The whole content as a fresh read-only buffer, or null when the file is sent from disk. */
    ByteBuffer bodyBuffer() {
        return body == null ? null : ByteBuffer.wrap(body).asReadOnlyBuffer();
    }
}
