package dev.wsproxy.server.files;

import io.undertow.io.IoCallback;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.resource.PathResource;
import io.undertow.server.handlers.resource.PathResourceManager;
import io.undertow.util.ByteRange;
import io.undertow.util.DateUtils;
import io.undertow.util.ETag;
import io.undertow.util.ETagUtils;
import io.undertow.util.HeaderMap;
import io.undertow.util.Headers;
import io.undertow.util.Methods;
import io.undertow.util.StatusCodes;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Date;

/**
 * Sends one regular file the way browsers and caches expect: {@code ETag} and {@code Last-Modified} with
 * their conditional requests (304, 412), a single {@code Range} (206, 416), HEAD without a body, and the
 * body itself through {@code sendfile} for all but small files, never copied through the heap.
 */
final class FileResponder {

    /** Files below this size are read into a pooled buffer; larger ones go through sendfile. */
    private static final long SENDFILE_MIN_SIZE = 1024;

    private static final PathResourceManager TRANSFER_SETTINGS = (PathResourceManager) PathResourceManager.builder()
            .setBase(Path.of("/")).setTransferMinSize(SENDFILE_MIN_SIZE).build();

    private FileResponder() {
    }

    static void send(HttpServerExchange exchange, Path file, BasicFileAttributes attributes, String contentType,
                     ExpiresHeaders expires) {
        long size = attributes.size();
        long modified = attributes.lastModifiedTime().toMillis();
        Date lastModified = new Date(modified / 1000 * 1000);
        ETag etag = new ETag(false, Long.toHexString(size) + "-" + Long.toHexString(modified));
        HeaderMap headers = exchange.getResponseHeaders();
        headers.put(Headers.LAST_MODIFIED, DateUtils.toDateString(lastModified));
        headers.put(Headers.ETAG, etag.toString());
        headers.put(Headers.ACCEPT_RANGES, "bytes");
        if (!ETagUtils.handleIfMatch(exchange, etag, false) || !DateUtils.handleIfUnmodifiedSince(exchange, lastModified)) {
            exchange.setStatusCode(StatusCodes.PRECONDITION_FAILED);
            exchange.endExchange();
            return;
        }
        expires.apply(headers, contentType, modified);
        boolean hasIfNoneMatch = exchange.getRequestHeaders().contains(Headers.IF_NONE_MATCH);
        if (!ETagUtils.handleIfNoneMatch(exchange, etag, true)
                || !hasIfNoneMatch && !DateUtils.handleIfModifiedSince(exchange, lastModified)) {
            exchange.setStatusCode(StatusCodes.NOT_MODIFIED);
            exchange.endExchange();
            return;
        }
        headers.put(Headers.CONTENT_TYPE, contentType);
        PathResource resource = new PathResource(file, TRANSFER_SETTINGS, file.toString(), etag);
        ByteRange.RangeResponseResult range = requestedRange(exchange, size, lastModified, etag);
        if (range == null) {
            headers.put(Headers.CONTENT_LENGTH, size);
            if (!exchange.getRequestMethod().equals(Methods.HEAD)) {
                resource.serve(exchange.getResponseSender(), exchange, IoCallback.END_EXCHANGE);
                return;
            }
        } else {
            exchange.setStatusCode(range.getStatusCode());
            headers.put(Headers.CONTENT_RANGE, range.getContentRange());
            if (range.getStatusCode() == StatusCodes.REQUEST_RANGE_NOT_SATISFIABLE) {
                headers.remove(Headers.CONTENT_TYPE);
                headers.put(Headers.CONTENT_LENGTH, 0);
            } else {
                headers.put(Headers.CONTENT_LENGTH, range.getContentLength());
                if (!exchange.getRequestMethod().equals(Methods.HEAD)) {
                    resource.serveRange(exchange.getResponseSender(), exchange, range.getStart(), range.getEnd(),
                            IoCallback.END_EXCHANGE);
                    return;
                }
            }
        }
        exchange.endExchange();
    }

    /** The single satisfiable (206) or unsatisfiable (416) range asked for, or null to send the whole file. */
    private static ByteRange.RangeResponseResult requestedRange(HttpServerExchange exchange, long size,
                                                                Date lastModified, ETag etag) {
        String header = exchange.getRequestHeaders().getFirst(Headers.RANGE);
        if (header == null) {
            return null;
        }
        ByteRange range = ByteRange.parse(header);
        if (range == null || range.getRanges() != 1) {
            return null;
        }
        return range.getResponseResult(size, exchange.getRequestHeaders().getFirst(Headers.IF_RANGE), lastModified,
                etag.toString());
    }
}
