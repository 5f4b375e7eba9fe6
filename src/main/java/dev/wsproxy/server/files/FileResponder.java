package dev.wsproxy.server.files;

import dev.wsproxy.server.log.ErrorLog;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.ByteRange;
import io.undertow.util.DateUtils;
import io.undertow.util.ETag;
import io.undertow.util.ETagUtils;
import io.undertow.util.HeaderMap;
import io.undertow.util.Headers;
import io.undertow.util.Methods;
import io.undertow.util.StatusCodes;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.Date;

/**
 * Sends one regular file the way browsers and caches expect: {@code ETag} and {@code Last-Modified} with
 * their conditional requests (304, 412), a single {@code Range} (206, 416), HEAD without a body, the
 * {@code Content-Encoding} of an encoded variant, and the
 * body itself from memory when {@link SmallFileCache} holds it, else through {@code sendfile}, never copied
 * through the heap.
 */
final class FileResponder {

    private FileResponder() {
    }

    static void send(HttpServerExchange exchange, ServedFile served, ExpiresHeaders expires, ErrorLog errorLog) {
        long size = served.size();
        Date lastModified = served.lastModified();
        ETag etag = served.etag();
        HeaderMap headers = exchange.getResponseHeaders();
        headers.put(Headers.LAST_MODIFIED, served.lastModifiedText());
        headers.put(Headers.ETAG, etag.toString());
        headers.put(Headers.ACCEPT_RANGES, "bytes");
        if (!ETagUtils.handleIfMatch(exchange, etag, false) || !DateUtils.handleIfUnmodifiedSince(exchange, lastModified)) {
            exchange.setStatusCode(StatusCodes.PRECONDITION_FAILED);
            exchange.endExchange();
            return;
        }
        expires.apply(headers, served.contentType(), served.modifiedMillis());
        boolean hasIfNoneMatch = exchange.getRequestHeaders().contains(Headers.IF_NONE_MATCH);
        if (!ETagUtils.handleIfNoneMatch(exchange, etag, true)
                || !hasIfNoneMatch && !DateUtils.handleIfModifiedSince(exchange, lastModified)) {
            exchange.setStatusCode(StatusCodes.NOT_MODIFIED);
            exchange.endExchange();
            return;
        }
        headers.put(Headers.CONTENT_TYPE, served.contentType());
        if (served.isEncoded()) {
            headers.put(Headers.CONTENT_ENCODING, served.encoding());
        }
        ByteRange.RangeResponseResult range = requestedRange(exchange, size, lastModified, etag);
        if (range == null) {
            headers.put(Headers.CONTENT_LENGTH, size);
            if (!exchange.getRequestMethod().equals(Methods.HEAD)) {
                sendBody(exchange, served, 0, size, errorLog);
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
                    sendBody(exchange, served, range.getStart(), range.getEnd() + 1, errorLog);
                    return;
                }
            }
        }
        exchange.endExchange();
    }

    /** Sends bytes {@code start} to {@code end} (exclusive) of the file, small whole files in one write with the head. */
    private static void sendBody(HttpServerExchange exchange, ServedFile served, long start, long end,
                                 ErrorLog errorLog) {
        try {
            if (start == 0 && end == served.size() && served.body() != null) {
                exchange.getResponseSender().send(served.bodyBuffer());
                return;
            }
            FileTransfer.send(exchange, served.path(), FileChannel.open(served.path(), StandardOpenOption.READ), start, end,
                    errorLog);
        } catch (IOException e) {
            // the file went away between stat and open: nothing has been sent yet
            exchange.getResponseHeaders().remove(Headers.CONTENT_LENGTH);
            exchange.getResponseHeaders().remove(Headers.CONTENT_RANGE);
            exchange.setStatusCode(StatusCodes.NOT_FOUND);
            exchange.endExchange();
        }
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
