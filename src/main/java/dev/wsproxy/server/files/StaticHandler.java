package dev.wsproxy.server.files;

import dev.wsproxy.config.model.Compression;
import dev.wsproxy.config.model.Context;
import dev.wsproxy.config.model.MimeTypes;
import dev.wsproxy.config.model.ScriptHandler;
import dev.wsproxy.config.model.ScriptHandlers;
import dev.wsproxy.config.model.VirtualHost;
import dev.wsproxy.server.exchange.ContextMatch;
import dev.wsproxy.server.exchange.Outcome;
import dev.wsproxy.server.exchange.RequestPath;
import dev.wsproxy.server.exchange.Step;
import dev.wsproxy.server.exchange.Trace;
import dev.wsproxy.server.http.Refusals;
import dev.wsproxy.server.http.Responses;
import dev.wsproxy.server.http.UriPaths;
import dev.wsproxy.server.log.ErrorLog;
import dev.wsproxy.server.rewrite.RewriteState;
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
 * page, else 404; a missing file, or a file asked for as a directory ({@code /file/}) → 404; methods other
 * than GET and HEAD → 405. A file a script handler would run is never sent, whichever way it is reached:
 * 503 (403 with {@code enableScript 0}); so is a file of an {@code x-httpd-*} type (403). Every 403 and 503 writes its reason to the error log.
 * A file of a compressible type goes out gzipped to clients that accept it ({@link EncodingChoice}).
 * An explained request stops before the file is read, with the file as its outcome.
 */
public final class StaticHandler implements HttpHandler {

    private static final String ALLOWED_METHODS = "GET, HEAD";

    private final Context.Static context;
    private final MimeTypes mime;
    private final String vhostName;
    private final ScriptHandlers scripts;
    private final SymlinkGuard symlinks;
    private final ErrorLog errorLog;
    private final EncodingChoice encodings;
    private final SmallFileCache cache = new SmallFileCache();

    public StaticHandler(Context.Static context, MimeTypes mime, VirtualHost vhost, Compression compression,
                         ErrorLog errorLog) {
        this.context = context;
        this.mime = mime;
        this.vhostName = vhost.name();
        this.scripts = vhost.scripts();
        this.symlinks = new SymlinkGuard(vhost.symlinks(), vhost.vhRoot());
        this.errorLog = errorLog;
        this.encodings = new EncodingChoice(new GzipVariants(compression, errorLog),
                new ExpiresHeaders(context.expires()), errorLog);
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        String path = exchange.getAttachment(RequestPath.CLEAN);
        if (!context.allowBrowse()) {
            forbidden(exchange, "context `" + context.uri().text() + "` has allowBrowse 0");
            return;
        }
        if (hasHtSegment(path)) {
            forbidden(exchange, ".ht* files are never served");
            return;
        }
        Optional<FileLocator.Located> located = FileLocator.locate(context, exchange.getAttachment(ContextMatch.KEY));
        if (!exchange.getRequestMethod().equals(Methods.GET) && !exchange.getRequestMethod().equals(Methods.HEAD)) {
            if (located.isPresent() && isScript(located.get().file()) && Files.isRegularFile(located.get().file())) {
                // OLS hands a POST to a script (a login form) to its handler, whatever the method
                refuseScript(exchange, located.get().file());
                return;
            }
            exchange.getResponseHeaders().put(Headers.ALLOW, ALLOWED_METHODS);
            Responses.end(exchange, StatusCodes.METHOD_NOT_ALLOWED);
            return;
        }
        if (located.isEmpty()) {
            notFound(exchange, "no file of this context for ", path);
            return;
        }
        serve(exchange, path, located.get().base(), located.get().file());
    }

    private void serve(HttpServerExchange exchange, String path, Path base, Path file) throws IOException {
        Optional<String> linkRefusal = symlinks.refusal(base, file);
        if (linkRefusal.isPresent()) {
            forbidden(exchange, linkRefusal.get());
            return;
        }
        Optional<BasicFileAttributes> attributes;
        try {
            attributes = attributesOf(file);
        } catch (AccessDeniedException e) {
            forbidden(exchange, file + " is not readable by the server");
            return;
        }
        if (attributes.isEmpty()) {
            Optional<Path> script = scriptWithPathInfo(base, file);
            if (script.isPresent()) {
                refuseScript(exchange, script.get());
            } else {
                notFound(exchange, "no such file ", file);
            }
        } else if (attributes.get().isDirectory()) {
            serveDirectory(exchange, path, base, file);
        } else if (attributes.get().isRegularFile()) {
            sendRegularFile(exchange, path, file, attributes.get());
        } else {
            notFound(exchange, "not a regular file ", file);
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
                Optional<String> linkRefusal = symlinks.refusal(base, candidate);
                if (linkRefusal.isPresent()) {
                    forbidden(exchange, linkRefusal.get());
                } else {
                    sendFile(exchange, candidate, attributes.get());
                }
                return;
            }
        }
        if (!context.autoIndex()) {
            notFound(exchange, "no index file and autoIndex off in ", directory);
            return;
        }
        if (Trace.of(exchange).explaining()) {
            Trace.of(exchange).finish(Outcome.file(directory));
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

    /**
     * A file is never a directory: {@code /file/} is 404, as in nginx and OLS, so that a rule written for
     * {@code /file} (an {@code exp:...$} deny) cannot be walked around with a slash. A script still gets its
     * refusal, since OLS runs {@code /x.php/} with path info.
     */
    private void sendRegularFile(HttpServerExchange exchange, String path, Path file, BasicFileAttributes attributes) {
        if (path.endsWith("/") && !isScript(file)) {
            notFound(exchange, "a file asked for as a directory ", file);
            return;
        }
        sendFile(exchange, file, attributes);
    }

    private void sendFile(HttpServerExchange exchange, Path file, BasicFileAttributes attributes) {
        if (isScript(file)) {
            refuseScript(exchange, file);
            return;
        }
        Optional<String> forced = RewriteState.forcedType(exchange);
        if (forced.isPresent() && (ScriptFiles.isHandlerType(forced.get()) || !forced.get().contains("/"))) {
            Refusals.appNotRun(exchange, errorLog, file + " is handed to handler `" + forced.get()
                    + "` by a rewrite rule");
            return;
        }
        ServedFile served = cache.current(file, attributes);
        if (served == null) {
            String contentType = mime.typeOf(file.getFileName().toString());
            if (ScriptFiles.isHandlerType(contentType)) {
                forbidden(exchange, "MIME type " + contentType + " of " + file
                        + " has no handler and is never sent as a file");
                return;
            }
            if (Trace.of(exchange).explaining()) {
                Trace.of(exchange).finish(Outcome.file(file));
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
        encodings.send(exchange, forced.map(served::withType).orElse(served));
    }

    /** OLS runs {@code /x.php/more} as {@code x.php} with path info: the script a missing path lies below, if any. */
    private Optional<Path> scriptWithPathInfo(Path base, Path file) {
        for (Path dir = file.getParent(); dir != null && dir.startsWith(base) && !dir.equals(base);
             dir = dir.getParent()) {
            if (isScript(dir) && Files.isRegularFile(dir)) {
                return Optional.of(dir);
            }
        }
        return Optional.empty();
    }

    private boolean isScript(Path file) {
        return scripts.forFile(file.getFileName().toString()).isPresent();
    }

    /** OLS runs a script file: 403 when the vhost disables scripts, else 503, as when the handler cannot start. */
    private void refuseScript(HttpServerExchange exchange, Path file) {
        String handler = scripts.forFile(file.getFileName().toString()).map(ScriptHandler::text).orElseThrow();
        if (!scripts.enabled()) {
            forbidden(exchange, "enableScript 0 in virtual host " + vhostName + ": " + file
                    + " belongs to scriptHandler " + handler);
            return;
        }
        Refusals.appNotRun(exchange, errorLog, file + " belongs to scriptHandler " + handler);
    }

    /** 404, with what was missing for an explained request. */
    private static void notFound(HttpServerExchange exchange, String what, Object where) {
        Trace.of(exchange).note(Step.HANDLER, what, where);
        Responses.end(exchange, StatusCodes.NOT_FOUND);
    }

    private void forbidden(HttpServerExchange exchange, String why) {
        Refusals.refuse(exchange, StatusCodes.FORBIDDEN, errorLog, why);
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
