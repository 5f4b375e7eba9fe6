package dev.wsproxy.server.rewrite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Vhost-level rewrite rules with real requests: the common recipes, loops, and a set cut short by a bad rule. */
class VhostRewriteTest {

    @TempDir
    Path root;

    @Test
    void httpsRedirectKeepsTheQuery() throws Exception {
        try (RewriteServer server = RewriteServer.vhostRules(root, """
                RewriteCond %{HTTPS} !on
                RewriteRule ^(.*)$ https://%{HTTP_HOST}$1 [R=301,L]""")) {
            RewriteServer.Reply reply = server.get("/a/b.html?x=1&y=2", "Host: shop.example");
            assertEquals(301, reply.status());
            assertEquals("https://shop.example/a/b.html?x=1&y=2", reply.location());
        }
    }

    @Test
    void aRewriteFileIsReadRelativeToTheDocRoot() throws Exception {
        RewriteServer.files(root, "rules.conf", "RewriteRule ^/old$ /new.html [L]\n", "new.html", "new");
        try (RewriteServer server = RewriteServer.start(root, "", "  rewrite {\n    enable 1\n"
                + "    RewriteFile rules.conf\n  }")) {
            assertEquals("new", server.get("/old").body());
        }
    }

    @Test
    void wwwGoesToTheBareDomain() throws Exception {
        try (RewriteServer server = RewriteServer.vhostRules(root, """
                RewriteCond %{HTTP_HOST} ^www\\.(.+)$ [NC]
                RewriteRule ^/(.*)$ http://%1/$1 [R=301,L]""")) {
            RewriteServer.Reply reply = server.get("/page", "Host: WWW.shop.example");
            assertEquals(301, reply.status());
            assertEquals("http://shop.example/page", reply.location());
            assertEquals(404, server.get("/page", "Host: shop.example").status(), "the bare domain is served");
        }
    }

    @Test
    void dotFilesAndBackupsAreForbiddenWithALogLine() throws Exception {
        RewriteServer.files(root, ".env", "SECRET=1", "db.sql", "dump", "site.bak", "old", "ok.txt", "fine");
        try (RewriteServer server = RewriteServer.vhostRules(root, """
                RewriteCond %{REQUEST_URI} \\.(env|bak|sql)$
                RewriteRule ^ - [F]""")) {
            for (String path : new String[] {"/.env", "/db.sql", "/site.bak"}) {
                RewriteServer.Reply reply = server.get(path);
                assertEquals(403, reply.status(), path);
                assertTrue(!reply.body().contains("SECRET"), "never the file");
            }
            assertEquals("fine", server.get("/ok.txt").body());
            assertTrue(server.errorLog().contains("403 GET /.env: a rewrite rule answers 403 ([F]) (rewrite rule at "),
                    server.errorLog());
        }
    }

    @Test
    void singlePageAppFallsBackToIndexHtml() throws Exception {
        RewriteServer.files(root, "index.html", "the app", "app.css", "body{}", "assets/logo.txt", "logo");
        try (RewriteServer server = RewriteServer.vhostRules(root, """
                RewriteCond %{REQUEST_FILENAME} !-f
                RewriteCond %{REQUEST_FILENAME} !-d
                RewriteRule ^ /index.html [L]""")) {
            assertEquals("the app", server.get("/orders/42/edit").body());
            assertEquals("body{}", server.get("/app.css").body());
            assertEquals("logo", server.get("/assets/logo.txt").body());
            assertEquals(404, server.get("/assets/").status(), "a directory is not rewritten: it has no index file");
        }
    }

    @Test
    void qsaFeedsTheQueryIntoALaterRule() throws Exception {
        try (RewriteServer server = RewriteServer.vhostRules(root, """
                RewriteRule ^/p/([a-z]+)$ /show?page=$1 [QSA]
                RewriteCond %{QUERY_STRING} ^page=([a-z]+)&lang=(.*)$
                RewriteRule ^/show$ /view/%1/%2 [R=302,L]""")) {
            RewriteServer.Reply reply = server.get("/p/about?lang=en");
            assertEquals(302, reply.status());
            assertEquals("http://localhost/view/about/en?page=about&lang=en", reply.location());
        }
    }

    @Test
    void aBadRuleDropsItselfAndEveryLaterRule() throws Exception {
        RewriteServer.files(root, "page.html", "page");
        try (RewriteServer server = RewriteServer.vhostRules(root, """
                RewriteRule ^/a$ /page.html [L]
                RewriteRule ^/b$ /page.html [L,BOGUS]
                RewriteRule ^/c$ /page.html [L]""")) {
            assertEquals("page", server.get("/a").body());
            assertEquals(404, server.get("/b").status());
            assertEquals(404, server.get("/c").status(), "lost with the bad rule, as in OLS");
        }
    }

    @Test
    void nextStartsOverAtMostTenTimes() throws Exception {
        RewriteServer.files(root, "page.html", "page");
        try (RewriteServer server = RewriteServer.vhostRules(root, """
                RewriteRule ^/n/(.*)-(.*)$ /n/$1_$2 [N]
                RewriteRule ^/n/a_b_c$ /page.html [L]
                RewriteRule ^/loop(.*)$ /loop$1x [N]""")) {
            assertEquals("page", server.get("/n/a-b-c").body());
            assertEquals(404, server.get("/loop").status());
            assertTrue(server.errorLog().contains("[N] started the rules over 10 times for /loop"), server.errorLog());
        }
    }

    @Test
    void anHttpsRuleDoesNotLoopOnItsOwnTarget() throws Exception {
        RewriteServer.files(root, "page.html", "page");
        try (RewriteServer server = RewriteServer.vhostRules(root, "RewriteRule ^/page\\.html$ http://localhost/page.html [R,L]")) {
            assertEquals("page", server.get("/page.html").body(), "a redirect to the same URL is dropped, as in OLS");
        }
    }

    @Test
    void rewritingIsOffUnlessEnabled() throws Exception {
        RewriteServer.files(root, ".env", "SECRET=1");
        try (RewriteServer server = RewriteServer.start(root, "", "  rewrite {\n    RewriteRule ^ - [F]\n  }")) {
            assertEquals(200, server.get("/.env").status(), "enable defaults to 0, as in OLS");
        }
    }
}
