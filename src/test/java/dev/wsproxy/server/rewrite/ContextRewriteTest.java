package dev.wsproxy.server.rewrite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Context rules and .htaccess files with real requests: prefix stripping, RewriteBase, re-reading, loops. */
class ContextRewriteTest {

    @TempDir
    Path root;

    @Test
    void contextRulesSeeThePathBelowTheContextAndResolveUnderTheBase() throws Exception {
        RewriteServer.files(root, "blog/show.html", "post page", "store/page.html", "store page", "blog/x.html", "x");
        try (RewriteServer server = RewriteServer.start(root, "", """
                  context /blog/ {
                    location $DOC_ROOT/blog/
                    rewrite {
                      enable 1
                      RewriteRule ^post/([0-9]+)$ show.html?id=$1 [L]
                      RewriteRule ^old$ x.html [R=301,L]
                    }
                  }
                  context /shop/ {
                    location $DOC_ROOT/blog/
                    rewrite {
                      enable 1
                      base /store/
                      RewriteRule ^item$ page.html [L]
                    }
                  }""")) {
            assertEquals("post page", server.get("/blog/post/5").body());
            assertEquals("http://localhost/blog/x.html", server.get("/blog/old").location());
            assertEquals("store page", server.get("/shop/item").body(), "a relative result goes under RewriteBase");
        }
    }

    @Test
    void htaccessIsReadAndReReadWhenItChanges() throws Exception {
        Path html = RewriteServer.files(root, "new.html", "new", "newer.html", "newer",
                ".htaccess", "<IfModule mod_rewrite.c>\nRewriteEngine On\nRewriteRule ^old\\.html$ new.html [L]\n</IfModule>\n");
        try (RewriteServer server = RewriteServer.start(root, "autoLoadHtaccess 1", "")) {
            assertEquals("new", server.get("/old.html").body());
            Files.writeString(html.resolve(".htaccess"), "RewriteEngine On\nRewriteRule ^old\\.html$ newer.html [L]\n");
            Files.setLastModifiedTime(html.resolve(".htaccess"), FileTime.from(Instant.now().plusSeconds(5)));
            assertEquals("newer", server.get("/old.html").body(), "the edited file applies without a restart");
            assertEquals(403, server.get("/.htaccess").status(), "and is never served");
        }
    }

    @Test
    void htaccessNeedsAutoLoadHtaccessAndItsOwnRewriteEngineOn() throws Exception {
        Path html = RewriteServer.files(root, "new.html", "new", ".htaccess", "RewriteRule ^old\\.html$ new.html [L]\n");
        try (RewriteServer server = RewriteServer.start(root, "", "  rewrite {\n    autoLoadHtaccess 1\n  }")) {
            assertEquals(404, server.get("/old.html").status(), "the vhost's enable is 0 and the file does not turn it on");
            Files.writeString(html.resolve(".htaccess"), "RewriteEngine on\nRewriteRule ^old\\.html$ new.html [L]\n");
            Files.setLastModifiedTime(html.resolve(".htaccess"), FileTime.from(Instant.now().plusSeconds(5)));
            assertEquals("new", server.get("/old.html").body());
        }
        try (RewriteServer server = RewriteServer.start(root, "", "")) {
            assertEquals(404, server.get("/old.html").status(), "autoLoadHtaccess defaults to 0");
        }
    }

    @Test
    void aLoopOfInternalRedirectsEndsIn500WithALogLine() throws Exception {
        try (RewriteServer server = RewriteServer.start(root, "", """
                  context / {
                    location $DOC_ROOT/
                    rewrite {
                      enable 1
                      RewriteRule ^(.*)$ /a$1
                    }
                  }""")) {
            assertEquals(500, server.get("/x").status());
            assertTrue(server.errorLog().contains("more than 10 internal redirects"), server.errorLog());
        }
    }

    @Test
    void aContextRuleToAnotherContextPassesThatContextsAccessControl() throws Exception {
        RewriteServer.files(root, "private/secret.html", "secret");
        try (RewriteServer server = RewriteServer.start(root, "", """
                  context /private/ {
                    location $DOC_ROOT/private/
                    accessControl {
                      deny ALL
                    }
                  }
                  context / {
                    location $DOC_ROOT/
                    rewrite {
                      enable 1
                      RewriteRule ^open/(.*)$ /private/$1 [L]
                    }
                  }""")) {
            assertEquals(403, server.get("/open/secret.html").status());
        }
    }
}
