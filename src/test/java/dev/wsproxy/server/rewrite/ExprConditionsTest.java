package dev.wsproxy.server.rewrite;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code RewriteCond expr} with real requests: each operator and function OLS evaluates, one rule per path. */
class ExprConditionsTest {

    @TempDir
    Path root;

    @Test
    void operatorsAndFunctionsAsOlsEvaluatesThem() throws Exception {
        RewriteServer.files(root, "yes.html", "yes");
        try (RewriteServer server = RewriteServer.vhostRules(root, """
                RewriteCond expr "%{QUERY_STRING} in {'a=1', 'b=2'}"
                RewriteRule ^/in$ /yes.html [L]
                RewriteCond expr "%{REMOTE_ADDR} -ipmatch '127.0.0.0/8'"
                RewriteRule ^/ip$ /yes.html [L]
                RewriteCond expr "-R '10.0.0.0/8'"
                RewriteRule ^/r$ /yes.html [L]
                RewriteCond expr "%{HTTP_HOST} -strcmatch '*.EXAMPLE'"
                RewriteRule ^/glob$ /yes.html [L]
                RewriteCond expr "%{REQUEST_URI} -fnmatch '/fn/*'"
                RewriteRule ^/fn/ /yes.html [L]
                RewriteCond expr "-f '%{DOCUMENT_ROOT}/yes.html' && ! -d '%{DOCUMENT_ROOT}/yes.html'"
                RewriteRule ^/file$ /yes.html [L]
                RewriteCond expr "req('X-Flag') == 'on' && -z env('unset')"
                RewriteRule ^/fun$ /yes.html [L]
                RewriteCond expr "-T %{HTTP:X-Debug}"
                RewriteRule ^/t$ /yes.html [L]
                RewriteCond expr "tolower('A') == ''"
                RewriteRule ^/other$ /yes.html [L]""")) {
            assertEquals(200, server.get("/in?b=2").status());
            assertEquals(404, server.get("/in?c=3").status());
            assertEquals(200, server.get("/ip").status());
            assertEquals(404, server.get("/r").status(), "the client is 127.0.0.1");
            assertEquals(200, server.get("/glob", "Host: shop.example").status());
            assertEquals(404, server.get("/glob", "Host: shop.example.org").status());
            assertEquals(200, server.get("/fn/a").status());
            assertEquals(404, server.get("/fn/a/b").status(), "-fnmatch: * stops at '/'");
            assertEquals(200, server.get("/file").status());
            assertEquals(200, server.get("/fun", "X-Flag: on").status());
            assertEquals(404, server.get("/fun").status());
            assertEquals(200, server.get("/t", "X-Debug: yes").status());
            assertEquals(404, server.get("/t", "X-Debug: off").status());
            assertEquals(200, server.get("/other").status(), "OLS gives \"\" for the functions it does not evaluate");
        }
    }
}
