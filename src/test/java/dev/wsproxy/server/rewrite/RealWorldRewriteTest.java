package dev.wsproxy.server.rewrite;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.wsproxy.config.Corpus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real vhost configs of the corpus that carry rewrite rules, served with real requests: each answers what
 * OLS answers with those rules. The configs are used as they are, their docRoot moved into a temporary root.
 */
@Tag("corpus")
class RealWorldRewriteTest {

    @TempDir
    Path root;

    /** The vhost body of a corpus file, with its docRoot line pointed at {@code $VH_ROOT/html/}. */
    private static String vhost(String file) throws IOException {
        String text = Files.readString(Corpus.folder("ols-realworld").resolve(file));
        return text.replaceFirst("(?m)^docRoot\\s+.*$", "docRoot \\$VH_ROOT/html/");
    }

    @Test
    void goldenfarmForbidsDotFilesAndBackups() throws Exception {
        RewriteServer.files(root, ".env", "SECRET=1", "db.sql.bak", "dump", "robots.txt", "User-agent: *");
        try (RewriteServer server = RewriteServer.start(root, "",
                vhost("Khoavila12889__website/lsws/conf/vhosts/goldenfarm/vhconf.conf0"))) {
            assertEquals(403, server.get("/.env").status());
            assertEquals(403, server.get("/db.sql.bak").status());
            assertEquals(403, server.get("/.ENV").status(), "[NC]");
            assertEquals(200, server.get("/robots.txt").status());
        }
    }

    @Test
    void payloadRedirectsEverythingToHttps() throws Exception {
        try (RewriteServer server = RewriteServer.start(root, "extprocessor payload_proxy {\n  type proxy\n"
                + "  address 127.0.0.1:9\n}", vhost("cheneycha__payload-test/lsws/conf/vhosts/payload_vhost/vhconf.conf0"))) {
            RewriteServer.Reply reply = server.get("/login?next=/home", "Host: payload.example");
            assertEquals(301, reply.status());
            assertEquals("https://payload.example/login?next=/home", reply.location());
        }
    }

    @Test
    void nutriwebKeepsOnlyItsFirstRulesLineAsOlsDoes() throws Exception {
        RewriteServer.files(root, "index.html", "spa");
        try (RewriteServer server = RewriteServer.start(root, "", vhost("Ahmed-Aziz-Belkahia__NutriWeb1/vhconf.conf"))) {
            // OLS reads the first of three `rules` lines: a RewriteCond without its rule, so no rule at all
            assertEquals(404, server.get("/meals/today").status());
            assertEquals("spa", server.get("/").body());
        }
    }
}
