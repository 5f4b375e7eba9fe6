package dev.wsproxy.server.rewrite;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rewrite maps with real requests: {@code txt:} (read again when it changes), {@code rnd:}, the {@code int:} functions. */
class RewriteMapsTest {

    @TempDir
    Path root;

    private RewriteServer server(String maps, String rules) throws Exception {
        return RewriteServer.start(root, "", "  rewrite {\n    enable 1\n" + maps + "    rules <<<END\n" + rules
                + "\nEND\n  }");
    }

    private static String map(String name, String location) {
        return "    map " + name + " {\n      location " + location + "\n    }\n";
    }

    @Test
    void txtMapIsReadAsOlsReadsItAndAgainWhenItChanges() throws Exception {
        RewriteServer.files(root, "one.html", "one", "two.html", "two", "three.html", "three");
        Path file = Files.writeString(root.resolve("site/pages.txt"),
                "# pages\nfirst one#trailing comment\n  second two\nsecond three\nfirst two\n");
        try (RewriteServer server = server(map("pages", "txt:$VH_ROOT/pages.txt"),
                "RewriteRule ^/p/(.*)$ /${pages:$1|two}.html [L]")) {
            assertEquals("one", server.get("/p/first").body(), "the first line of a key wins; # ends the value");
            assertEquals("three", server.get("/p/second").body(), "an indented line is skipped");
            assertEquals("two", server.get("/p/none").body(), "a missing key takes the default");
            Files.writeString(file, "first three\n");
            Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5)));
            assertEquals("three", server.get("/p/first").body(), "an edited map applies without a restart");
        }
    }

    @Test
    void rndMapPicksOneOfTheChoices() throws Exception {
        RewriteServer.files(root, "a.html", "a", "b.html", "b");
        Files.writeString(root.resolve("site/servers.txt"), "page a|b\n");
        try (RewriteServer server = server(map("servers", "rnd:$VH_ROOT/servers.txt"),
                "RewriteRule ^/page$ /${servers:page}.html [L]")) {
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < 60 && seen.size() < 2; i++) {
                seen.add(server.get("/page").body());
            }
            assertEquals(Set.of("a", "b"), seen);
        }
    }

    @Test
    void internalFunctionsChangeCaseEscapeAndUnescape() throws Exception {
        RewriteServer.files(root, "ABC.html", "upper", "abc.html", "lower");
        try (RewriteServer server = server(map("up", "int:toupper") + map("down", "INT:tolower")
                        + map("esc", "int:escape") + map("unesc", "int:unescape"), """
                RewriteRule ^/up/(.*)$ /${up:$1}.html [L]
                RewriteRule ^/down/(.*)$ /${down:$1}.html [L]
                RewriteCond %{QUERY_STRING} ^q=(.*)$
                RewriteRule ^/esc$ /found?v=${esc:%1} [R=302,L]
                RewriteCond %{HTTP:X-Key} ^(.+)$
                RewriteRule ^/unesc$ /found/${unesc:%1|bad} [R=302,L]""")) {
            assertEquals("upper", server.get("/up/abc").body());
            assertEquals("lower", server.get("/down/AbC").body());
            assertEquals("http://localhost/found?v=a%2Bb%2526c", server.get("/esc?q=a+b%26c").location());
            assertEquals("http://localhost/found/a/b/c", server.get("/unesc", "X-Key: a%2Fb//c").location());
            assertEquals("http://localhost/found/bad", server.get("/unesc", "X-Key: a%zz").location(),
                    "a bad escape fails the lookup: the default applies");
        }
    }

    @Test
    void aPrgMapIsLeftOutAndTheRulesUsingItAreDropped() throws Exception {
        RewriteServer.files(root, "x.html", "x");
        try (RewriteServer server = server(map("prog", "prg:/bin/cat"), """
                RewriteRule ^/before$ /x.html [L]
                RewriteRule ^/p/(.*)$ /${prog:$1}.html [L]
                RewriteRule ^/after$ /x.html [L]""")) {
            assertEquals("x", server.get("/before").body());
            assertEquals(404, server.get("/after").status(), "as in OLS, the rest of the set goes with it");
        }
    }
}
