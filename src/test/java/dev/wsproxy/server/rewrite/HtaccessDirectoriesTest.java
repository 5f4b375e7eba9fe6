package dev.wsproxy.server.rewrite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A subdirectory's {@code .htaccess} with real requests: its rules run under that directory only, with the
 * directory's URI as their base and in place of the rules above it; it is read again when it changes.
 */
class HtaccessDirectoriesTest {

    @TempDir
    Path root;

    @Test
    void subdirectoryRulesRunUnderItOnlyWithItsUriAsBase() throws Exception {
        RewriteServer.files(root,
                ".htaccess", "RewriteEngine On\nRewriteRule ^page$ root.html [L]\nRewriteRule ^other$ root.html [L]\n",
                "root.html", "root",
                "sub/.htaccess", "RewriteRule ^page$ target.html [L]\n",
                "sub/target.html", "sub target",
                "sub/deeper/target.html", "deeper target");
        try (RewriteServer server = RewriteServer.start(root, "autoLoadHtaccess 1", "")) {
            assertEquals("root", server.get("/page").body());
            assertEquals("sub target", server.get("/sub/page").body(), "the result goes under /sub/");
            assertEquals(404, server.get("/sub/other").status(), "the docroot's rules do not run under /sub/");
            assertEquals(404, server.get("/sub/deeper/page").status(),
                    "a directory without .htaccess runs its parent's rules, which see deeper/page");
            assertEquals(403, server.get("/sub/.htaccess").status(), "and the file is never served");
        }
    }

    @Test
    void directoriesBelowAContextWrittenWithoutItsSlash() throws Exception {
        RewriteServer.files(root, "app/sub/.htaccess", "RewriteEngine On\nRewriteRule ^x$ one.html [L]\n",
                "app/sub/one.html", "one");
        try (RewriteServer server = RewriteServer.start(root, "autoLoadHtaccess 1", """
                  context /app {
                    location $DOC_ROOT/app/
                  }""")) {
            assertEquals("one", server.get("/app/sub/x").body());
        }
    }

    @Test
    void requestFilenameIsUnderTheDirectoryOfTheRules() throws Exception {
        RewriteServer.files(root,
                "app/.htaccess", "RewriteEngine On\nRewriteCond %{REQUEST_FILENAME} !-f\nRewriteRule ^ index.html [L]\n",
                "app/index.html", "the app", "app/logo.txt", "logo");
        try (RewriteServer server = RewriteServer.start(root, "autoLoadHtaccess 1", "")) {
            assertEquals("the app", server.get("/app/some/route").body());
            assertEquals("logo", server.get("/app/logo.txt").body());
            assertEquals(404, server.get("/elsewhere").status());
        }
    }

    @Test
    void rewriteEngineOffInADirectoryStopsTheRulesAboveIt() throws Exception {
        RewriteServer.files(root, ".htaccess", "RewriteEngine On\nRewriteRule ^(.*)\\.htm$ $1.html [L]\n",
                "a.html", "top", "quiet/a.html", "quiet", "quiet/.htaccess", "RewriteEngine Off\n",
                "loud/a.html", "loud", "loud/.htaccess", "# no rewrite settings here\nOptions -Indexes\n");
        try (RewriteServer server = RewriteServer.start(root, "autoLoadHtaccess 1", "")) {
            assertEquals("top", server.get("/a.htm").body());
            assertEquals(404, server.get("/quiet/a.htm").status());
            assertEquals("loud", server.get("/loud/a.htm").body(), "a file without rewrite settings changes nothing");
        }
    }

    @Test
    void aChangedOrNewSubdirectoryHtaccessAppliesWithoutRestart() throws Exception {
        Path html = RewriteServer.files(root, "sub/one.html", "one", "sub/two.html", "two",
                "sub/.htaccess", "RewriteEngine On\nRewriteRule ^x$ one.html [L]\n", "new/three.html", "three");
        try (RewriteServer server = RewriteServer.start(root, "autoLoadHtaccess 1", "")) {
            assertEquals("one", server.get("/sub/x").body());
            assertEquals(404, server.get("/new/y").status());
            Files.writeString(html.resolve("sub/.htaccess"), "RewriteEngine On\nRewriteRule ^x$ two.html [L]\n");
            Files.setLastModifiedTime(html.resolve("sub/.htaccess"), FileTime.from(Instant.now().plusSeconds(5)));
            Files.writeString(html.resolve("new/.htaccess"), "RewriteEngine On\nRewriteRule ^y$ three.html [L]\n");
            assertEquals("two", server.get("/sub/x").body());
            assertEquals("three", server.get("/new/y").body());
            Files.delete(html.resolve("new/.htaccess"));
            assertEquals(404, server.get("/new/y").status(), "a deleted file takes its rules with it");
        }
    }

    @Test
    void withoutAutoLoadHtaccessNoDirectoryIsRead() throws Exception {
        subdirectoryRule("RewriteRule ^x$ one.html [L]");
        try (RewriteServer server = RewriteServer.start(root, "", "  rewrite {\n    enable 1\n  }")) {
            assertEquals(404, server.get("/sub/x").status());
            assertFalse(server.errorLog().contains(".htaccess"), server.errorLog());
        }
    }

    @Test
    void aBadRuleInASubdirectoryIsLoggedOnceWithItsPlace() throws Exception {
        subdirectoryRule("RewriteRule ^x$ one.html [L,BOGUS]");
        try (RewriteServer server = RewriteServer.start(root, "autoLoadHtaccess 1", "")) {
            for (int i = 0; i < 2; i++) {
                assertEquals(404, server.get("/sub/x").status());
            }
            String log = server.errorLog();
            assertEquals(1, log.split("sub/.htaccess:2:1", -1).length - 1, log);
        }
    }

    /** {@code sub/.htaccess} with {@code RewriteEngine On} and {@code rule}, and {@code sub/one.html}. */
    private void subdirectoryRule(String rule) throws Exception {
        RewriteServer.files(root, "sub/.htaccess", "RewriteEngine On\n" + rule + "\n", "sub/one.html", "one");
    }
}
