package dev.wsproxy.server.rewrite;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How back-references are written into a substitution, with real requests: the {@code B} flags, and OLS's
 * default of writing a {@code ?} a back-reference brings into the path as {@code %3F}.
 */
class BackrefEscapingTest {

    @TempDir
    Path root;

    @Test
    void bFlagsEscapeBackReferencesTheirOwnWay() throws Exception {
        try (RewriteServer server = RewriteServer.vhostRules(root, """
                RewriteRule ^/b/(.*)$ /found?q=$1 [B,R,L]
                RewriteRule ^/bnp/(.*)$ /found?q=$1 [BNP,R,L]
                RewriteRule ^/bne/(.*)$ /found?q=$1 [B,BNE=&/,R,L]
                RewriteRule ^/bctls/(.*)$ /found?q=$1 [BCTLS,R,L]
                RewriteRule ^/none/(.*)$ /found?q=$1 [R,L]""")) {
            String input = "a%20b%26c/d";
            assertEquals("http://localhost/found?q=a+b%26c%2Fd", server.get("/b/" + input).location());
            assertEquals("http://localhost/found?q=a%20b%26c%2Fd", server.get("/bnp/" + input).location());
            assertEquals("http://localhost/found?q=a+b&c/d", server.get("/bne/" + input).location());
            assertEquals("http://localhost/found?q=a+b&c/d", server.get("/bctls/" + input).location());
            assertEquals("http://localhost/found?q=a b&c/d", server.get("/none/" + input).location());
        }
    }

    @Test
    void aQuestionMarkFromABackReferenceNeverStartsTheQuery() throws Exception {
        try (RewriteServer server = RewriteServer.vhostRules(root, """
                RewriteRule ^/go/(.*)$ /dest/$1?from=go [R,L]
                RewriteRule ^/unsafe/(.*)$ /dest/$1?from=unsafe [R,L,UnsafeAllow3F]
                RewriteCond %{QUERY_STRING} ^(.+)$
                RewriteRule ^/q/(.*)$ /dest/$1?was=%1 [R,L]""")) {
            assertEquals("http://localhost/dest/x%253Fy?from=go", server.get("/go/x%3Fy").location(),
                    "the back-reference's ? stays in the path, as %3F (which the Location escapes, as OLS does)");
            assertEquals("http://localhost/dest/x?y?from=unsafe", server.get("/unsafe/x%3Fy").location(),
                    "UnsafeAllow3F lets it start the query");
            assertEquals("http://localhost/dest/p?was=a?b", server.get("/q/p?a?b").location(),
                    "in the query a back-reference is written as it is");
        }
    }
}
