package dev.wsproxy.server.http;

import dev.wsproxy.config.model.MimeTypes;
import dev.wsproxy.server.exchange.ErrorPageSource;
import io.undertow.server.DefaultResponseListener;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.Methods;
import io.undertow.util.StatusCodes;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Gives an error response (status 400 and up, ended without a body) its body: the vhost's
 * {@code errorPage} file for that status, sent with the original status as OLS does, or else a short
 * HTML page naming the status.
 */
public final class ErrorBodies implements DefaultResponseListener {

    /** Error pages are small documents; a larger file is not read into memory and the short page is sent. */
    private static final long MAX_PAGE_BYTES = 1 << 20;

    private final MimeTypes mime;

    public ErrorBodies(MimeTypes mime) {
        this.mime = mime;
    }

    /** {@code next} with this listener giving bodies to its error responses. */
    public HttpHandler around(HttpHandler next) {
        return exchange -> {
            exchange.addDefaultResponseListener(this);
            next.handleRequest(exchange);
        };
    }

    @Override
    public boolean handleDefaultResponse(HttpServerExchange exchange) {
        int status = exchange.getStatusCode();
        if (!exchange.isResponseChannelAvailable() || status < 400) {
            return false;
        }
        ErrorPageSource pages = exchange.getAttachment(ErrorPageSource.KEY);
        Optional<Path> page = pages == null ? Optional.empty() : pages.pageFor(status);
        byte[] body = page.flatMap(ErrorBodies::read).orElse(null);
        String type = body == null ? "text/html; charset=UTF-8" : mime.typeOf(page.get().getFileName().toString());
        if (body == null) {
            body = defaultPage(status);
        }
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, type);
        exchange.getResponseHeaders().put(Headers.CONTENT_LENGTH, body.length);
        if (exchange.getRequestMethod().equals(Methods.HEAD)) {
            exchange.endExchange();
        } else {
            exchange.getResponseSender().send(ByteBuffer.wrap(body));
        }
        return true;
    }

    private static Optional<byte[]> read(Path file) {
        try {
            if (!Files.isRegularFile(file) || Files.size(file) > MAX_PAGE_BYTES) {
                return Optional.empty();
            }
            return Optional.of(Files.readAllBytes(file));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static byte[] defaultPage(int status) {
        String title = status + " " + StatusCodes.getReason(status);
        return ("<!DOCTYPE html>\n<html><head><title>" + title + "</title></head><body><h1>" + title
                + "</h1></body></html>\n").getBytes(StandardCharsets.UTF_8);
    }
}
