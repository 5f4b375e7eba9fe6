package dev.wsproxy.server;

import static dev.wsproxy.server.Sites.listener;
import static dev.wsproxy.server.Sites.map;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.wsproxy.config.model.Context;
import dev.wsproxy.config.source.Span;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Redirect contexts: 3xx with Location (rest of the URI and query carried), 4xx directly, internal redirects. */
class RedirectContextTest {

    @TempDir
    Path root;

    private static Context.Redirect redirect(String uri, String location, int status, boolean external) {
        return new Context.Redirect(Sites.uri(uri), location, status, external, Optional.empty(), Optional.empty(), List.of(),
                Span.none());
    }

    @Test
    void redirectsCarryTheRestOfTheUriAndTheQuery() throws Exception {
        Path html = Files.createDirectories(root.resolve("site/html"));
        Files.createDirectories(html.resolve("new"));
        Files.writeString(html.resolve("new/page.html"), "new page");
        var site = Sites.vhost("site", root.resolve("site"), Sites.files("/", html),
                redirect("/old/", "https://example.com/new/", 301, true),
                redirect("/moved", "/elsewhere", 308, true),
                redirect("/gone/", "", 410, true),
                redirect("/alias/", "/new/", 0, false));
        try (RunningServer server = RunningServer.start(Sites.server(root,
                List.of(listener("main", "127.0.0.1", map("*", "site"))), List.of(site)))) {
            HttpResponse<String> old = server.get("/old/a%20b/c.html?x=1&y=2");
            assertEquals(301, old.statusCode());
            assertEquals("https://example.com/new/a%20b/c.html?x=1&y=2", old.headers().firstValue("Location").orElseThrow());
            HttpResponse<String> moved = server.get("/moved/deeper");
            assertEquals(308, moved.statusCode());
            assertEquals("/elsewhere/deeper", moved.headers().firstValue("Location").orElseThrow());
            assertEquals(410, server.get("/gone/anything").statusCode());
            HttpResponse<String> alias = server.get("/alias/page.html");
            assertEquals(200, alias.statusCode(), "served inside the vhost");
            assertEquals("new page", alias.body());
        }
    }
}
