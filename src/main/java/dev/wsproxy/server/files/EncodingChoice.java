package dev.wsproxy.server.files;

import dev.wsproxy.server.compress.AcceptEncoding;
import dev.wsproxy.server.compress.VaryHeader;
import dev.wsproxy.server.log.ErrorLog;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;

/**
 * Sends a static file gzipped or as it is: gzipped when the client accepts gzip, asks for no range (ranges are
 * served from the file as it is) and {@link GzipVariants} has or can make its variant. A file that may go out
 * gzipped carries {@code Vary: Accept-Encoding} either way, so that caches keep the two apart.
 */
final class EncodingChoice {

    private final GzipVariants variants;
    private final ExpiresHeaders expires;
    private final ErrorLog errorLog;

    EncodingChoice(GzipVariants variants, ExpiresHeaders expires, ErrorLog errorLog) {
        this.variants = variants;
        this.expires = expires;
        this.errorLog = errorLog;
    }

    void send(HttpServerExchange exchange, ServedFile file) {
        if (!variants.applies(file)) {
            FileResponder.send(exchange, file, expires, errorLog);
            return;
        }
        VaryHeader.addAcceptEncoding(exchange.getResponseHeaders());
        if (!AcceptEncoding.gzip(exchange) || exchange.getRequestHeaders().contains(Headers.RANGE)) {
            FileResponder.send(exchange, file, expires, errorLog);
            return;
        }
        ServedFile variant = variants.current(file);
        if (variant != null) {
            FileResponder.send(exchange, variant, expires, errorLog);
        } else if (variants.mayMake(file)) {
            // compressing takes milliseconds: a worker thread does it, never the connection's I/O thread
            exchange.dispatch(() -> {
                ServedFile made = variants.make(file);
                FileResponder.send(exchange, made != null ? made : file, expires, errorLog);
            });
        } else {
            FileResponder.send(exchange, file, expires, errorLog);
        }
    }
}
