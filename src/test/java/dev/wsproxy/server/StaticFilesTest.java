package dev.wsproxy.server;

import static dev.wsproxy.server.Sites.files;
import static dev.wsproxy.server.Sites.listener;
import static dev.wsproxy.server.Sites.map;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wsproxy.config.model.AccessControl;
import dev.wsproxy.config.model.Context;
import dev.wsproxy.config.model.ExpiresSettings;
import dev.wsproxy.config.model.HeaderOp;
import dev.wsproxy.config.model.SymlinkPolicy;
import dev.wsproxy.config.source.Span;
import dev.wsproxy.server.platform.TcpCork;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Static contexts served the way OLS, browsers and caches expect, through a real listener and HTTP client. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StaticFilesTest {

    private Path root;
    private Path html;
    private byte[] big;
    private RunningServer server;

    @BeforeAll
    void start(@TempDir Path tree) throws Exception {
        root = tree;
        html = Files.createDirectories(root.resolve("site/html"));
        Files.writeString(html.resolve("index.html"), "<h1>home</h1>");
        Files.writeString(html.resolve("hello.txt"), "0123456789abcdef");
        Files.writeString(html.resolve("app.php"), "<?php echo 1;");
        Files.writeString(html.resolve(".htaccess"), "secret");
        Files.writeString(html.resolve("unknown.xyz"), "x");
        Files.createDirectories(html.resolve("docs"));
        Files.writeString(html.resolve("docs/index.htm"), "docs index");
        Files.createDirectories(html.resolve("empty"));
        Files.createDirectories(html.resolve("errors"));
        Files.writeString(html.resolve("errors/404.html"), "custom not found");
        big = new byte[1 << 20];
        new Random(7).nextBytes(big);
        Files.write(html.resolve("big.bin"), big);
        Path browse = Files.createDirectories(root.resolve("browse"));
        Files.writeString(browse.resolve("a <b>.txt"), "a");
        Files.createDirectories(browse.resolve("sub"));
        Files.writeString(browse.resolve(".htpasswd"), "x");
        Path assets = Files.createDirectories(root.resolve("assets"));
        Files.writeString(assets.resolve("style.css"), "body{}");
        Files.writeString(assets.resolve("logo.png"), "png");
        Path images = Files.createDirectories(root.resolve("images/v2"));
        Files.writeString(images.resolve("cat.png"), "cat");

        ExpiresSettings expires = new ExpiresSettings(true, Optional.of(new ExpiresSettings.Rule(false, 60)),
                Map.of("image/*", new ExpiresSettings.Rule(false, 3600), "text/css", new ExpiresSettings.Rule(false, 600)));
        List<HeaderOp> headers = List.of(new HeaderOp(HeaderOp.Action.SET, "X-Frame-Options", "DENY"),
                new HeaderOp(HeaderOp.Action.ADD, "X-Extra", "one"), new HeaderOp(HeaderOp.Action.ADD, "X-Extra", "two"),
                new HeaderOp(HeaderOp.Action.APPEND, "Cache-Control", "public"),
                new HeaderOp(HeaderOp.Action.UNSET, "Accept-Ranges", ""));
        List<Context> contexts = List.of(
                files("/", html),
                files("/browse/", root.resolve("browse"), true, true, ExpiresSettings.DISABLED, Optional.empty()),
                files("/closed/", html, false, false, ExpiresSettings.DISABLED, Optional.empty()),
                new Context.Static(Sites.uri("/assets/"), assets, true, List.of(), false, expires, Optional.empty(),
                        Optional.empty(), headers, Span.none()),
                new Context.Static(Sites.uri("exp:^/img/(v[0-9]+)/(.*)$"), root.resolve("images/$1/$2"), true,
                        List.of(), false, ExpiresSettings.DISABLED, Optional.empty(), Optional.empty(), List.of(),
                        Span.none()),
                files("/doc", root.resolve("browse")));
        var vhost = Sites.vhost("site", root.resolve("site"), SymlinkPolicy.OLS_DEFAULT, AccessControl.ALLOW_ALL,
                Map.of(404, "/errors/404.html"), contexts);
        server = RunningServer.start(Sites.server(root, List.of(listener("main", "127.0.0.1", map("*", "site"))),
                List.of(vhost)));
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void indexFileWithMimeTypeAndValidators() throws Exception {
        HttpResponse<String> response = server.get("/");
        assertEquals(200, response.statusCode());
        assertEquals("<h1>home</h1>", response.body());
        assertEquals("text/html", response.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(response.headers().firstValue("ETag").isPresent());
        assertTrue(response.headers().firstValue("Last-Modified").isPresent());
        assertEquals("docs index", server.get("/docs/").body(), "index files are tried in order");
        assertEquals("application/octet-stream", server.get("/unknown.xyz").headers().firstValue("Content-Type").orElseThrow());
    }

    @Test
    void conditionalRequestsGive304() throws Exception {
        HttpResponse<String> first = server.get("/hello.txt");
        String etag = first.headers().firstValue("ETag").orElseThrow();
        String modified = first.headers().firstValue("Last-Modified").orElseThrow();
        assertEquals(304, server.get("/hello.txt", "If-None-Match", etag).statusCode());
        assertEquals(304, server.get("/hello.txt", "If-Modified-Since", modified).statusCode());
        assertEquals(200, server.get("/hello.txt", "If-None-Match", "\"other\"").statusCode());
        assertEquals(412, server.get("/hello.txt", "If-Match", "\"other\"").statusCode());
    }

    @Test
    void aChangedOrReplacedFileIsServedNewAtOnce() throws Exception {
        Path file = html.resolve("changing.txt");
        Files.writeString(file, "version one");
        assertEquals("version one", server.get("/changing.txt").body());
        assertEquals("version one", server.get("/changing.txt").body(), "served again, now from the small-file cache");
        FileTime stamp = Files.getLastModifiedTime(file);

        Files.writeString(file, "version two");
        Files.setLastModifiedTime(file, FileTime.fromMillis(stamp.toMillis() + 1));
        assertEquals("version two", server.get("/changing.txt").body(), "same size, rewritten in place");

        Path replacement = html.resolve("changing.tmp");
        Files.writeString(replacement, "version 3!!");
        Files.setLastModifiedTime(replacement, Files.getLastModifiedTime(file));
        Files.move(replacement, file, StandardCopyOption.REPLACE_EXISTING);
        assertEquals("version 3!!", server.get("/changing.txt").body(), "same size and time, another file");

        Files.delete(file);
        assertEquals(404, server.get("/changing.txt").statusCode(), "removed");
    }

    @Test
    void rangesGive206Or416() throws Exception {
        HttpResponse<String> part = server.get("/hello.txt", "Range", "bytes=2-5");
        assertEquals(206, part.statusCode());
        assertEquals("2345", part.body());
        assertEquals("bytes 2-5/16", part.headers().firstValue("Content-Range").orElseThrow());
        assertEquals("cdef", server.get("/hello.txt", "Range", "bytes=-4").body());
        HttpResponse<String> beyond = server.get("/hello.txt", "Range", "bytes=100-");
        assertEquals(416, beyond.statusCode());
        assertEquals("bytes */16", beyond.headers().firstValue("Content-Range").orElseThrow());
        HttpResponse<byte[]> bigPart = server.client.send(HttpRequest.newBuilder(server.uri("/big.bin"))
                .header("Range", "bytes=500000-599999").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(206, bigPart.statusCode());
        assertArrayEquals(java.util.Arrays.copyOfRange(big, 500000, 600000), bigPart.body());
    }

    @Test
    void largeFileArrivesWhole() throws Exception {
        HttpResponse<byte[]> response = server.client.send(HttpRequest.newBuilder(server.uri("/big.bin")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, response.statusCode());
        assertArrayEquals(big, response.body());
    }

    @Test
    void keepAliveResponsesOfLargeFilesAreNotHeldBack() throws Exception {
        // large bodies go out corked like nginx's tcp_nopush; a cork left on would hold each response's last
        // partial segment for Linux's 200 ms, so ten responses on one connection would take two seconds
        assertTrue(TcpCork.available(), "the JVM lets wsproxy cork its sockets (Add-Opens java.base/sun.nio.ch)");
        try (Socket socket = new Socket()) {
            socket.connect(server.address(), 5000);
            socket.setSoTimeout(10_000);
            long started = System.nanoTime();
            for (int i = 0; i < 10; i++) {
                boolean ranged = i % 2 == 1;
                String range = ranged ? "Range: bytes=1-100000\r\n" : "";
                socket.getOutputStream().write(("GET /big.bin HTTP/1.1\r\nHost: x\r\n" + range + "\r\n")
                        .getBytes(StandardCharsets.ISO_8859_1));
                byte[] body = RunningServer.readResponseBody(socket.getInputStream(), ranged ? 206 : 200);
                assertArrayEquals(ranged ? Arrays.copyOfRange(big, 1, 100001) : big, body);
            }
            long millis = (System.nanoTime() - started) / 1_000_000;
            assertTrue(millis < 1500, "ten large responses on one keep-alive connection took " + millis + " ms");
        }
    }

    @Test
    void headHasLengthButNoBody() throws Exception {
        String reply = server.raw("HEAD /hello.txt HTTP/1.1", "Host: x");
        assertEquals(200, RunningServer.status(reply));
        assertTrue(reply.contains("Content-Length: 16"), reply);
        assertTrue(reply.endsWith("\r\n\r\n"), "no body after the head: " + reply);
    }

    @Test
    void writesToStaticFilesAre405WithAllow() throws Exception {
        HttpResponse<String> response = server.send(HttpRequest.newBuilder(server.uri("/hello.txt"))
                .POST(HttpRequest.BodyPublishers.ofString("x=1")));
        assertEquals(405, response.statusCode());
        assertEquals("GET, HEAD", response.headers().firstValue("Allow").orElseThrow());
        assertEquals(405, server.send(HttpRequest.newBuilder(server.uri("/"))
                .PUT(HttpRequest.BodyPublishers.ofString("x"))).statusCode());
    }

    @Test
    void directoryWithoutSlashIsRedirectedKeepingTheQuery() throws Exception {
        HttpResponse<String> response = server.get("/docs?lang=en");
        assertEquals(301, response.statusCode());
        assertEquals(server.uri("/docs/?lang=en").toString(), response.headers().firstValue("Location").orElseThrow());
        HttpResponse<String> context = server.get("/browse");
        assertEquals(301, context.statusCode(), "a context URI without its slash");
        assertEquals(server.uri("/browse/").toString(), context.headers().firstValue("Location").orElseThrow());
    }

    @Test
    void missingFilesAndIndexlessDirectoriesAre404WithTheErrorPage() throws Exception {
        HttpResponse<String> missing = server.get("/nope.html");
        assertEquals(404, missing.statusCode());
        assertEquals("custom not found", missing.body(), "the vhost errorPage, with the original status");
        assertEquals(404, server.get("/empty/").statusCode());
        assertEquals(404, server.get("/hello.txt/extra").statusCode(), "path info on a static file");
    }

    @Test
    void forbiddenThings() throws Exception {
        assertEquals(403, server.get("/closed/hello.txt").statusCode(), "allowBrowse 0");
        assertEquals(403, server.get("/.htaccess").statusCode());
        assertEquals(403, server.get("/browse/.htpasswd").statusCode());
        assertEquals(403, server.get("/app.php").statusCode(), "x-httpd-* types are never sent as files");
        HttpResponse<String> forbidden = server.get("/.htaccess");
        assertFalse(forbidden.body().contains("secret"));
        assertTrue(forbidden.body().contains("403"));
    }

    @Test
    void autoIndexListsTheDirectory() throws Exception {
        HttpResponse<String> listing = server.get("/browse/");
        assertEquals(200, listing.statusCode());
        assertTrue(listing.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"));
        assertTrue(listing.body().contains("a &lt;b&gt;.txt"), listing.body());
        assertTrue(listing.body().contains("href=\"a%20%3Cb%3E.txt\""), listing.body());
        assertTrue(listing.body().contains("href=\"sub/\""), listing.body());
        assertFalse(listing.body().contains(".htpasswd"));
    }

    @Test
    void expiresAndExtraHeaders() throws Exception {
        HttpResponse<String> css = server.get("/assets/style.css");
        assertEquals(200, css.statusCode());
        assertEquals("text/css", css.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("max-age=600, public", css.headers().firstValue("Cache-Control").orElseThrow());
        assertTrue(css.headers().firstValue("Expires").isPresent());
        assertEquals("DENY", css.headers().firstValue("X-Frame-Options").orElseThrow());
        assertEquals(List.of("one", "two"), css.headers().allValues("X-Extra"));
        assertTrue(css.headers().firstValue("Accept-Ranges").isEmpty(), "unset removes the header");
        assertEquals("max-age=3600, public", server.get("/assets/logo.png").headers().firstValue("Cache-Control").orElseThrow());
        assertTrue(server.get("/hello.txt").headers().firstValue("Cache-Control").isEmpty(), "expires is per context");
    }

    @Test
    void contextsMatchBySegmentAndRegexLocationsUseGroups() throws Exception {
        assertEquals("cat", server.get("/img/v2/cat.png").body());
        assertEquals(404, server.get("/img/v3/cat.png").statusCode());
        assertEquals("a", server.get("/doc/a%20%3Cb%3E.txt").body(), "/doc maps to its own location");
        assertEquals(404, server.get("/docsx").statusCode(), "/doc does not match /docsx; / does and has no such file");
    }
}
