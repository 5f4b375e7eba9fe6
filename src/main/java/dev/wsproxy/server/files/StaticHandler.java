package dev.wsproxy.server.files;

import dev.wsproxy.config.model.Context;
import dev.wsproxy.config.model.MimeTypes;
import dev.wsproxy.config.model.SymlinkPolicy;
import dev.wsproxy.server.http.Responses;
import dev.wsproxy.server.http.UriPaths;
import dev.wsproxy.server.routing.ContextMatch;
import dev.wsproxy.server.routing.RequestGuard;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.Methods;
import io.undertow.util.StatusCodes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;

/**
 * Serves a static context as OLS does: {@code allowBrowse 0} → 403; {@code .ht*} → 403;
 * a directory without its trailing slash → 301 to it; index files in order, then the {@code autoIndex}
 * page, else 404; a missing file → 404; methods other than GET and HEAD → 405.
 */
public final class StaticHandler implements HttpHandler {

    private static final String ALLOWED_METHODS = "GET, HEAD";

    private final Context.Static context;
    private final MimeTypes mime;
    private final SymlinkGuard symlinks;
    private final ExpiresHeaders expires;
    private final SmallFileCache cache = new SmallFileCache();

    public StaticHandler(Context.Static context, MimeTypes mime, SymlinkPolicy symlinks, Path vhRoot) {
        this.context = context;
        this.mime = mime;
        this.symlinks = new SymlinkGuard(symlinks, vhRoot);
        this.expires = new ExpiresHeaders(context.expires());
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        String path = exchange.getAttachment(RequestGuard.CLEAN_PATH);
        if (!context.allowBrowse() || hasHtSegment(path)) {
            Responses.end(exchange, StatusCodes.FORBIDDEN);
            return;
        }
        if (!exchange.getRequestMethod().equals(Methods.GET) && !exchange.getRequestMethod().equals(Methods.HEAD)) {
            exchange.getResponseHeaders().put(Headers.ALLOW, ALLOWED_METHODS);
            Responses.end(exchange, StatusCodes.METHOD_NOT_ALLOWED);
            return;
        }
        Optional<FileLocator.Located> located = FileLocator.locate(context, exchange.getAttachment(ContextMatch.KEY));
        if (located.isEmpty()) {
            Responses.end(exchange, StatusCodes.NOT_FOUND);
            return;
        }
        serve(exchange, path, located.get().base(), located.get().file());
    }

    private void serve(HttpServerExchange exchange, String path, Path base, Path file) throws IOException {
        if (!symlinks.permits(base, file)) {
            Responses.end(exchange, StatusCodes.FORBIDDEN);
            return;
        }
        Optional<BasicFileAttributes> attributes;
        try {
            attributes = attributesOf(file);
        } catch (AccessDeniedException e) {
            Responses.end(exchange, StatusCodes.FORBIDDEN);
            return;
        }
        if (attributes.isEmpty()) {
            Responses.end(exchange, StatusCodes.NOT_FOUND);
        } else if (attributes.get().isDirectory()) {
            serveDirectory(exchange, path, base, file);
        } else if (attributes.get().isRegularFile()) {
            sendFile(exchange, file, attributes.get());
        } else {
            Responses.end(exchange, StatusCodes.NOT_FOUND);
        }
    }

    private void serveDirectory(HttpServerExchange exchange, String path, Path base, Path directory) throws IOException {
        if (!path.endsWith("/")) {
            exchange.getResponseHeaders().put(Headers.LOCATION,
                    UriPaths.origin(exchange) + UriPaths.encode(path + "/") + UriPaths.querySuffix(exchange));
            Responses.end(exchange, StatusCodes.MOVED_PERMANENTLY);
            return;
        }
        for (String index : context.indexFiles()) {
            Path candidate = directory.resolve(index).normalize();
            if (!candidate.startsWith(directory)) {
                continue;
            }
            Optional<BasicFileAttributes> attributes = attributesOf(candidate);
            if (attributes.isPresent() && attributes.get().isRegularFile()) {
                if (!symlinks.permits(base, candidate)) {
                    Responses.end(exchange, StatusCodes.FORBIDDEN);
                } else {
                    sendFile(exchange, candidate, attributes.get());
                }
                return;
            }
        }
        if (!context.autoIndex()) {
            Responses.end(exchange, StatusCodes.NOT_FOUND);
            return;
        }
        byte[] page = DirectoryListing.render(path, directory).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/html; charset=UTF-8");
        exchange.getResponseHeaders().put(Headers.CONTENT_LENGTH, page.length);
        if (exchange.getRequestMethod().equals(Methods.HEAD)) {
            exchange.endExchange();
        } else {
            exchange.getResponseSender().send(java.nio.ByteBuffer.wrap(page));
        }
    }

    private void sendFile(HttpServerExchange exchange, Path file, BasicFileAttributes attributes) {
        ServedFile served = cache.current(file, attributes);
        if (served == null) {
            String contentType = mime.typeOf(file.getFileName().toString());
            if (contentType.startsWith("application/x-httpd-")) {
                Responses.end(exchange, StatusCodes.FORBIDDEN);
                return;
            }
            try {
                served = cache.load(file, attributes, contentType);
            } catch (IOException e) {
                // gone or unreadable between stat and read: nothing has been sent yet
                Responses.end(exchange, StatusCodes.NOT_FOUND);
                return;
            }
        }
        FileResponder.send(exchange, served, expires);
    }

    private static Optional<BasicFileAttributes> attributesOf(Path file) throws AccessDeniedException {
        try {
            return Optional.of(Files.readAttributes(file, BasicFileAttributes.class));
        } catch (AccessDeniedException e) {
            throw e;
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static boolean hasHtSegment(String path) {
        return path.startsWith("/.ht") || path.contains("/.ht");
    }
}
