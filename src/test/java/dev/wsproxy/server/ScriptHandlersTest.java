package dev.wsproxy.server;

import static dev.wsproxy.server.Sites.listener;
import static dev.wsproxy.server.Sites.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wsproxy.config.model.AccessControl;
import dev.wsproxy.config.model.Context;
import dev.wsproxy.config.model.ExpiresSettings;
import dev.wsproxy.config.model.MimeTypes;
import dev.wsproxy.config.model.ScriptHandler;
import dev.wsproxy.config.model.ScriptHandlers;
import dev.wsproxy.config.model.SymlinkPolicy;
import dev.wsproxy.config.model.VirtualHost;
import dev.wsproxy.config.source.Span;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files a {@code scriptHandler} would run are never sent, by any route to them (direct, mixed-case suffix,
 * index file, path info, range, HEAD, POST, autoIndex click, internal redirect, error page): 503 with an
 * error-log line naming the handler, or 403 with {@code enableScript 0}; contexts of app types answer 503.
 * The mime table here has no {@code php} line, as OLS's shipped one has none, so only the handler keeps the
 * source in.
 */
class ScriptHandlersTest {

    private static final String SOURCE = "<?php $password = 'db-secret'; ?>";
    private static final MimeTypes NO_PHP = new MimeTypes(Map.of("html", "text/html", "txt", "text/plain",
            "shtml", "application/x-httpd-shtml"), "application/octet-stream");
    private static final ScriptHandler LSPHP = new ScriptHandler("lsapi", "lsphp", Span.none());

    @TempDir
    Path root;
    private Path html;

    @BeforeEach
    void tree() throws Exception {
        html = Files.createDirectories(root.resolve("site/html"));
        Files.writeString(html.resolve("wp-config.php"), SOURCE);
        Files.writeString(html.resolve("Shop.PhP"), SOURCE);
        Files.writeString(html.resolve("readme.txt"), "plain text");
        Files.writeString(html.resolve("page.shtml"), "<!--#include virtual=\"x\" -->");
        Files.createDirectories(html.resolve("blog"));
        Files.writeString(html.resolve("blog/index.php"), SOURCE);
        Files.createDirectories(html.resolve("list"));
        Files.writeString(html.resolve("list/a.php"), SOURCE);
        Files.writeString(html.resolve("list/b.txt"), "b");
        Files.createDirectories(html.resolve("errors"));
        Files.writeString(html.resolve("errors/404.php"), SOURCE);
        Files.createDirectories(html.resolve("cgi-bin"));
        Files.writeString(html.resolve("cgi-bin/run.cgi"), "#!/bin/sh\necho secret");
    }

    private RunningServer start(boolean enableScript) throws Exception {
        List<Context> contexts = List.of(
                new Context.Static(Sites.uri("/"), html, true, List.of("index.html", "index.php"), false,
                        ExpiresSettings.DISABLED, Optional.empty(), Optional.empty(), List.of(), Span.none()),
                new Context.Static(Sites.uri("/list/"), html.resolve("list"), true, List.of("index.html"), true,
                        ExpiresSettings.DISABLED, Optional.empty(), Optional.empty(), List.of(), Span.none()),
                new Context.Redirect(Sites.uri("/go/"), "/", 302, false, Optional.empty(), Optional.empty(), List.of(),
                        Span.none()),
                new Context.App(Sites.uri("/cgi-bin/"), "cgi", "", true, Optional.empty(), Optional.empty(), List.of(),
                        Span.none()),
                new Context.App(Sites.uri("/closed/"), "fcgi", "app", false, Optional.empty(), Optional.empty(),
                        List.of(), Span.none()));
        VirtualHost site = Sites.withScripts(Sites.vhost("site", root.resolve("site"), SymlinkPolicy.OLS_DEFAULT,
                        AccessControl.ALLOW_ALL, Map.of(404, "/errors/404.php"), contexts),
                new ScriptHandlers(Map.of("php", LSPHP), enableScript));
        return RunningServer.start(Sites.withMime(Sites.server(root, List.of(listener("main", "127.0.0.1",
                map("*", "site"))), List.of(site)), NO_PHP));
    }

    private String errorLog() throws Exception {
        return Files.readString(root.resolve("logs/error.log"));
    }

    private static void assertNoSource(HttpResponse<String> response) {
        assertFalse(response.body().contains("db-secret"), response.body());
    }

    @Test
    void everyRouteToAScriptGets503AndNeverItsSource() throws Exception {
        try (RunningServer server = start(true)) {
            for (String path : List.of("/wp-config.php", "/Shop.PhP", "/blog/", "/list/a.php", "/go/wp-config.php",
                    "/blog/index.php/2024/hello", "/wp-config.php/")) {
                HttpResponse<String> response = server.get(path);
                assertEquals(503, response.statusCode(), path);
                assertNoSource(response);
            }
            HttpResponse<String> range = server.get("/wp-config.php", "Range", "bytes=0-9");
            assertEquals(503, range.statusCode());
            assertNoSource(range);
            HttpResponse<String> head = server.send(HttpRequest.newBuilder(server.uri("/wp-config.php"))
                    .method("HEAD", HttpRequest.BodyPublishers.noBody()));
            assertEquals(503, head.statusCode());
            HttpResponse<String> post = server.send(HttpRequest.newBuilder(server.uri("/wp-config.php"))
                    .POST(HttpRequest.BodyPublishers.ofString("log=admin&pwd=x")));
            assertEquals(503, post.statusCode(), "a form posted to a script");
            assertNoSource(post);
            for (String other : List.of("/readme.txt", "/missing.php")) {
                assertEquals(405, server.send(HttpRequest.newBuilder(server.uri(other))
                        .POST(HttpRequest.BodyPublishers.noBody())).statusCode(), other);
            }
            assertEquals(200, server.get("/readme.txt").statusCode(), "other files are served");
            assertEquals(404, server.get("/readme.txt/more").statusCode(), "path info on a static file");
        }
        String log = errorLog();
        assertTrue(log.contains("[WARN] [127.0.0.1] 503 GET /wp-config.php: "
                + html.resolve("wp-config.php") + " belongs to scriptHandler lsapi:lsphp"), log);
        assertTrue(log.contains("503 GET /blog/: " + html.resolve("blog/index.php")), log);
    }

    @Test
    void autoIndexListsAScriptByNameOnly() throws Exception {
        try (RunningServer server = start(true)) {
            HttpResponse<String> listing = server.get("/list/");
            assertEquals(200, listing.statusCode());
            assertTrue(listing.body().contains("href=\"a.php\""), listing.body());
            assertNoSource(listing);
            assertEquals(503, server.get("/list/a.php").statusCode(), "a click on the name");
        }
    }

    @Test
    void aScriptErrorPageIsReplacedByTheBuiltInPage() throws Exception {
        try (RunningServer server = start(true)) {
            HttpResponse<String> missing = server.get("/no-such-page");
            assertEquals(404, missing.statusCode());
            assertNoSource(missing);
            assertTrue(missing.body().contains("404 Not Found"), missing.body());
        }
    }

    @Test
    void enableScriptZeroForbidsScripts() throws Exception {
        try (RunningServer server = start(false)) {
            HttpResponse<String> response = server.get("/wp-config.php");
            assertEquals(403, response.statusCode());
            assertNoSource(response);
            assertEquals(403, server.get("/blog/").statusCode());
        }
        assertTrue(errorLog().contains("[INFO] [127.0.0.1] 403 GET /wp-config.php: enableScript 0 in"
                + " virtual host site: " + html.resolve("wp-config.php") + " belongs to scriptHandler lsapi:lsphp"),
                errorLog());
    }

    @Test
    void aHandlerMimeTypeWithoutAHandlerIsForbidden() throws Exception {
        try (RunningServer server = start(true)) {
            assertEquals(403, server.get("/page.shtml").statusCode());
        }
        assertTrue(errorLog().contains("403 GET /page.shtml: MIME type application/x-httpd-shtml of "
                + html.resolve("page.shtml") + " has no handler"), errorLog());
    }

    @Test
    void appContextsAnswer503AndNeverFallThroughToFiles() throws Exception {
        try (RunningServer server = start(true)) {
            HttpResponse<String> cgi = server.get("/cgi-bin/run.cgi");
            assertEquals(503, cgi.statusCode());
            assertFalse(cgi.body().contains("echo secret"), cgi.body());
            assertEquals(503, server.get("/cgi-bin/").statusCode());
            assertEquals(403, server.get("/closed/x").statusCode(), "allowBrowse 0");
        }
        String log = errorLog();
        assertTrue(log.contains("503 GET /cgi-bin/run.cgi: context `/cgi-bin/` is handled by cgi,"
                + " an app wsproxy does not run"), log);
        assertTrue(log.contains("403 GET /closed/x: context `/closed/` has allowBrowse 0"), log);
    }
}
