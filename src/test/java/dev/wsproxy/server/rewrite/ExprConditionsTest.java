package dev.wsproxy.server.rewrite;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code RewriteCond expr} with real requests: each operator and function OLS evaluates, one rule per path. */
class ExprConditionsTest {

    @TempDir
    Path root;

    @Test
    void operatorsAndFunctionsAsOlsEvaluatesThem() throws Exception {
        RewriteServer.files(root, "yes.html", "yes");
        Map<String, String> conditions = new LinkedHashMap<>();
        conditions.put("in$", "%{QUERY_STRING} in {'a=1', 'b=2'}");
        conditions.put("ip$", "%{REMOTE_ADDR} -ipmatch '127.0.0.0/8'");
        conditions.put("r$", "-R '10.0.0.0/8'");
        conditions.put("glob$", "%{HTTP_HOST} -strcmatch '*.EXAMPLE'");
        conditions.put("fn/", "%{REQUEST_URI} -fnmatch '/fn/*'");
        conditions.put("file$", "-f '%{DOCUMENT_ROOT}/yes.html' && ! -d '%{DOCUMENT_ROOT}/yes.html'");
        conditions.put("fun$", "req('X-Flag') == 'on' && -z env('unset')");
        conditions.put("t$", "-T %{HTTP:X-Debug}");
        conditions.put("other$", "tolower('A') == ''");
        StringBuilder rules = new StringBuilder();
        conditions.forEach((path, expr) -> rules.append("RewriteCond expr \"").append(expr).append("\"\nRewriteRule ^/")
                .append(path).append(" /yes.html [L]\n"));
        try (RewriteServer server = RewriteServer.vhostRules(root, rules.toString())) {
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
