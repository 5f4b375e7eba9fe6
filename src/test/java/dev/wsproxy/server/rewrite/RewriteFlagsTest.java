package dev.wsproxy.server.rewrite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every rule flag with real requests, each rule keyed by its own path. */
class RewriteFlagsTest {

    @TempDir
    Path root;

    @Test
    void everyFlag() throws Exception {
        RewriteServer.files(root, "page.html", "page", "data.bin", "plain data", "x y.html", "spaced");
        try (RewriteServer server = RewriteServer.vhostRules(root, """
                RewriteRule ^/f$ - [F]
                RewriteRule ^/g$ - [G]
                RewriteRule ^/r$ /page.html [R,L]
                RewriteRule ^/rp$ /page.html [R=permanent,L]
                RewriteRule ^/rs$ /page.html [R=seeother,L]
                RewriteRule ^/r307$ /page.html [R=307,L]
                RewriteRule ^/r404$ - [R=404]
                RewriteRule ^/nc$ /page.html [NC,L]
                RewriteRule ^/ne$ /x\\%20y.html [R,NE,L]
                RewriteRule ^/esc$ "/x y.html" [R,L]
                RewriteRule ^/b/(.*)$ /echo?q=$1 [B,R,L]
                RewriteRule ^/nob/(.*)$ /echo?q=$1 [R,L]
                RewriteRule ^/qsd$ /page.html [QSD,R,L]
                RewriteRule ^/co$ /page.html [CO=seen:yes:localhost:0:/:0:1,L]
                RewriteRule ^/env$ - [E=mark:on]
                RewriteCond %{ENV:mark} =on
                RewriteRule ^/env$ /page.html [L]
                RewriteRule ^/t$ /data.bin [T=text/x-custom,L]
                RewriteRule ^/pt$ /page.html [PT]
                RewriteRule ^/c$ - [C]
                RewriteRule ^/c$ /page.html [L]
                RewriteRule ^/never$ - [C]
                RewriteRule ^/chained$ /missing.html [L]
                RewriteRule ^/chained$ /page.html [L]
                RewriteRule ^/s$ - [S=1]
                RewriteRule ^/s$ /missing.html [L]
                RewriteRule ^/s$ /page.html [L]
                RewriteRule ^/last$ /page.html [L]
                RewriteRule ^/page\\.html$ /missing.html [L]
                RewriteRule ^/end$ /page.html [END]""")) {
            assertEquals(403, server.get("/f").status());
            assertEquals(410, server.get("/g").status());
            assertEquals(302, server.get("/r").status());
            assertEquals("http://localhost/page.html", server.get("/r").location());
            assertEquals(301, server.get("/rp").status());
            assertEquals(303, server.get("/rs").status());
            assertEquals(307, server.get("/r307").status());
            RewriteServer.Reply notFound = server.get("/r404");
            assertEquals(404, notFound.status());
            assertEquals("", notFound.location());
            assertEquals("page", server.get("/NC").body());
            assertEquals("http://localhost/x%20y.html", server.get("/ne").location(), "NE: sent as written");
            assertEquals("http://localhost/x%20y.html", server.get("/esc").location(), "escaped without NE");
            assertEquals("http://localhost/echo?q=a+b%26c", server.get("/b/a%20b&c").location());
            assertEquals("http://localhost/echo?q=a b&c", server.get("/nob/a%20b&c").location());
            assertEquals("http://localhost/page.html", server.get("/qsd?drop=me").location());
            RewriteServer.Reply cookie = server.get("/co");
            assertEquals("page", cookie.body());
            assertEquals("seen=yes; path=/; domain=localhost; HttpOnly", cookie.header("Set-Cookie").orElseThrow());
            assertEquals("page", server.get("/env").body());
            RewriteServer.Reply typed = server.get("/t");
            assertEquals("plain data", typed.body());
            assertEquals("text/x-custom", typed.header("Content-Type").orElseThrow());
            assertEquals("page", server.get("/pt").body());
            assertEquals("page", server.get("/c").body());
            assertEquals("page", server.get("/chained").body(), "the rule chained to a failed one is skipped");
            assertEquals("page", server.get("/s").body(), "S=1 skips the next rule");
            assertEquals("page", server.get("/last").body(), "L: the rules after it do not run");
            assertEquals("page", server.get("/end").body());
        }
    }

    @Test
    void endStopsTheContextRulesTooWhileLastDoesNot() throws Exception {
        RewriteServer.files(root, "page.html", "page", "other.html", "other");
        try (RewriteServer server = RewriteServer.start(root, "", """
                  rewrite {
                    enable 1
                    rules <<<END
                RewriteRule ^/end$ /page.html [END]
                RewriteRule ^/last$ /page.html [L]
                END
                  }
                  context / {
                    location $DOC_ROOT/
                    rewrite {
                      RewriteRule ^page\\.html$ /other.html [L]
                    }
                  }""")) {
            assertEquals("page", server.get("/end").body());
            assertEquals("other", server.get("/last").body());
        }
    }

    @Test
    void aHandlerFlagOrAScriptTargetNeverServesTheSource() throws Exception {
        RewriteServer.files(root, "data.txt", "<?php secret(); ?>", "x.php", "<?php secret(); ?>");
        try (RewriteServer server = RewriteServer.start(root, "", """
                  scripthandler {
                    add lsapi:lsphp php
                  }
                  rewrite {
                    enable 1
                    rules <<<END
                RewriteRule ^/h$ /data.txt [H=application/x-httpd-php,L]
                RewriteRule ^/handler$ /data.txt [H=lsphp,L]
                RewriteRule ^/x$ /x.php [L]
                END
                  }""")) {
            for (String path : new String[] {"/h", "/handler", "/x"}) {
                RewriteServer.Reply reply = server.get(path);
                assertEquals(503, reply.status(), path);
                assertTrue(!reply.body().contains("secret"), path + " never sends the source");
            }
        }
    }
}
