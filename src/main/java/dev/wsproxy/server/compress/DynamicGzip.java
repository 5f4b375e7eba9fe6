package dev.wsproxy.server.compress;

import dev.wsproxy.config.model.Compression;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.AttachmentKey;
import io.undertow.util.HeaderMap;
import io.undertow.util.Headers;
import io.undertow.util.Methods;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;

/**
 * Gzips proxied responses on their way to the client, as OLS does with {@code enableDynGzipCompress 1}: a
 * response with a body of a compressible type, not already encoded, not a range, longer than
 * {@value #MIN_LENGTH} bytes (or of unknown length) and without {@code Cache-Control: no-transform} goes out
 * gzipped at {@code gzipCompressLevel} to a client that accepts gzip, chunked, with {@code Vary: Accept-Encoding}
 * and its ETag made weak. Each piece the backend sends is flushed on at once, so streamed responses keep flowing.
 */
public final class DynamicGzip {

    /** The compression settings of the request's vhost, put there by its pipeline. */
    public static final AttachmentKey<Compression> SETTINGS = AttachmentKey.create(Compression.class);

    /** OLS gzips a dynamic response only when its length is over 200 bytes or unknown. */
    private static final long MIN_LENGTH = 200;

    private DynamicGzip() {
    }

    /**
     * The stream to write the response body to: {@code out}, or a gzip stream over it when this response is to be
     * gzipped (its headers then say so). The caller closes it after the last byte, which ends the gzip stream.
     */
    public static OutputStream wrap(HttpServerExchange exchange, OutputStream out) throws IOException {
        Compression settings = exchange.getAttachment(SETTINGS);
        if (settings == null || !settings.gzip() || !settings.dynamicGzip() || !compressible(exchange, settings)) {
            return out;
        }
        HeaderMap headers = exchange.getResponseHeaders();
        VaryHeader.addAcceptEncoding(headers);
        if (!AcceptEncoding.gzip(exchange)) {
            return out;
        }
        headers.remove(Headers.CONTENT_LENGTH);
        headers.put(Headers.CONTENT_ENCODING, "gzip");
        String etag = headers.getFirst(Headers.ETAG);
        if (etag != null && !etag.startsWith("W/")) {
            headers.put(Headers.ETAG, "W/" + etag);
        }
        return new GzipOutput(out, settings.dynamicLevel(), true);
    }

    private static boolean compressible(HttpServerExchange exchange, Compression settings) {
        int status = exchange.getStatusCode();
        HeaderMap headers = exchange.getResponseHeaders();
        String type = headers.getFirst(Headers.CONTENT_TYPE);
        String length = headers.getFirst(Headers.CONTENT_LENGTH);
        String cacheControl = headers.getFirst(Headers.CACHE_CONTROL);
        return !exchange.getRequestMethod().equals(Methods.HEAD) && status >= 200 && status != 204 && status != 206
                && status != 304 && !headers.contains(Headers.CONTENT_ENCODING)
                && !headers.contains(Headers.CONTENT_RANGE) && type != null && settings.types().covers(type)
                && (length == null || longerThanMinimum(length))
                && (cacheControl == null || !cacheControl.toLowerCase(Locale.ROOT).contains("no-transform"));
    }

    private static boolean longerThanMinimum(String length) {
        try {
            return Long.parseLong(length.trim()) > MIN_LENGTH;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
