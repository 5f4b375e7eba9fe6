package dev.wsproxy.server.rewrite;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every RewriteCond test and every variable group with real requests. A condition that holds rewrites
 * {@code /t/NAME} to a page (200); one that does not leaves a path with no file (404).
 */
class RewriteConditionsTest {

    @TempDir
    Path root;

    @Test
    void everyTest() throws Exception {
        Path html = RewriteServer.files(root, "page.html", "page", "empty.txt", "", "run.sh", "#!/bin/sh\n",
                "dir/inside.txt", "in");
        Files.setPosixFilePermissions(html.resolve("run.sh"), PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.createSymbolicLink(html.resolve("link"), html.resolve("page.html"));
        try (RewriteServer server = RewriteServer.vhostRules(root, """
                RewriteCond %{QUERY_STRING} ^id=(\\d+)$
                RewriteRule ^/t/regex$ /page.html [L]
                RewriteCond %{QUERY_STRING} !^id=
                RewriteRule ^/t/not$ /page.html [L]
                RewriteCond %{QUERY_STRING} ^ID=7$ [NC]
                RewriteRule ^/t/nc$ /page.html [L]
                RewriteCond %{QUERY_STRING} =exact
                RewriteRule ^/t/eq$ /page.html [L]
                RewriteCond %{QUERY_STRING} <m
                RewriteRule ^/t/lt$ /page.html [L]
                RewriteCond %{QUERY_STRING} >m
                RewriteRule ^/t/gt$ /page.html [L]
                RewriteCond %{QUERY_STRING} <=m
                RewriteRule ^/t/le$ /page.html [L]
                RewriteCond %{QUERY_STRING} >=m
                RewriteRule ^/t/ge$ /page.html [L]
                RewriteCond %{QUERY_STRING} -eq42
                RewriteRule ^/t/numeq$ /page.html [L]
                RewriteCond %{QUERY_STRING} -ne42
                RewriteRule ^/t/numne$ /page.html [L]
                RewriteCond %{QUERY_STRING} -lt10
                RewriteRule ^/t/numlt$ /page.html [L]
                RewriteCond %{QUERY_STRING} -le10
                RewriteRule ^/t/numle$ /page.html [L]
                RewriteCond %{QUERY_STRING} -gt10
                RewriteRule ^/t/numgt$ /page.html [L]
                RewriteCond %{QUERY_STRING} -ge10
                RewriteRule ^/t/numge$ /page.html [L]
                RewriteCond %{DOCUMENT_ROOT}/%{QUERY_STRING} -d
                RewriteRule ^/t/d$ /page.html [L]
                RewriteCond %{DOCUMENT_ROOT}/%{QUERY_STRING} -f
                RewriteRule ^/t/f$ /page.html [L]
                RewriteCond %{DOCUMENT_ROOT}/%{QUERY_STRING} -s
                RewriteRule ^/t/s$ /page.html [L]
                RewriteCond %{DOCUMENT_ROOT}/%{QUERY_STRING} -l
                RewriteRule ^/t/l$ /page.html [L]
                RewriteCond %{DOCUMENT_ROOT}/%{QUERY_STRING} -x
                RewriteRule ^/t/x$ /page.html [L]
                RewriteCond %{DOCUMENT_ROOT}/%{QUERY_STRING} -F
                RewriteRule ^/t/F$ /page.html [L]
                RewriteCond %{REQUEST_URI} -U
                RewriteRule ^/t/U$ /page.html [L]
                RewriteCond expr "%{QUERY_STRING} =~ /^go/ && %{REQUEST_METHOD} == 'GET'"
                RewriteRule ^/t/expr$ /page.html [L]
                RewriteCond %{QUERY_STRING} =a [OR]
                RewriteCond %{QUERY_STRING} =b
                RewriteRule ^/t/or$ /page.html [L]""")) {
            holds(server, "/t/regex?id=12", "/t/regex?id=x");
            holds(server, "/t/not?x=1", "/t/not?id=1");
            holds(server, "/t/nc?id=7", "/t/nc?id=8");
            holds(server, "/t/eq?exact", "/t/eq?exactly");
            holds(server, "/t/lt?a", "/t/lt?z");
            holds(server, "/t/gt?z", "/t/gt?a");
            holds(server, "/t/le?m", "/t/le?n");
            holds(server, "/t/ge?m", "/t/ge?l");
            holds(server, "/t/numeq?42", "/t/numeq?43");
            holds(server, "/t/numne?43", "/t/numne?42");
            holds(server, "/t/numlt?9", "/t/numlt?10");
            holds(server, "/t/numle?10", "/t/numle?11");
            holds(server, "/t/numgt?11", "/t/numgt?10");
            holds(server, "/t/numge?10", "/t/numge?9");
            holds(server, "/t/d?dir", "/t/d?page.html");
            holds(server, "/t/f?page.html", "/t/f?dir");
            holds(server, "/t/s?page.html", "/t/s?empty.txt");
            holds(server, "/t/l?link", "/t/l?page.html");
            holds(server, "/t/x?run.sh", "/t/x?page.html");
            holds(server, "/t/F?page.html", "/t/F?nothing");
            assertEquals(200, server.get("/t/U").status(), "-U always holds in OLS");
            holds(server, "/t/expr?gone", "/t/expr?stay");
            holds(server, "/t/or?b", "/t/or?c");
        }
    }

    private static void holds(RewriteServer server, String holds, String fails) throws Exception {
        assertEquals(200, server.get(holds).status(), holds);
        assertEquals(404, server.get(fails).status(), fails);
    }

    @Test
    void everyVariableGroup() throws Exception {
        try (RewriteServer server = RewriteServer.vhostRules(root, """
                RewriteRule ^/v/header$ /out/%{HTTP_X_TEST}/%{HTTP:X-Test}/%{HTTP_USER_AGENT} [R,L]
                RewriteRule ^/v/env$ - [E=who:alice]
                RewriteRule ^/v/env$ /out/%{ENV:who} [R,L]
                RewriteRule ^/v/req$ /out/%{REMOTE_ADDR}/%{REQUEST_METHOD}/%{SERVER_PORT}/%{HTTPS}/%{SERVER_NAME}/%{VH_NAME} [R,L]
                RewriteRule ^/v/uri$ /out%{REQUEST_URI}/%{QUERY_STRING} [R,L,QSD]
                RewriteRule ^/v/time$ /out/%{TIME_YEAR} [R,L]
                RewriteCond %{THE_REQUEST} ^GET\\ /v/the\\?q=1\\ HTTP/1\\.1$
                RewriteRule ^/v/the$ /out/matched [R,L]
                RewriteCond %{DOCUMENT_ROOT} ^(.*)/html/$
                RewriteRule ^/v/root$ /out/root-ok [R,L]
                RewriteCond %{REQUEST_FILENAME} /html/v/file$
                RewriteRule ^/v/file$ /out/file-ok [R,L]""")) {
            int port = server.address().getPort();
            assertEquals("http://localhost/out/one/one/probe", server.get("/v/header", "X-Test: one", "User-Agent: probe")
                    .location());
            assertEquals("http://localhost/out/alice", server.get("/v/env").location());
            assertEquals("http://localhost/out/127.0.0.1/GET/" + port + "/off/localhost/site",
                    server.get("/v/req").location());
            assertEquals("http://localhost/out/v/uri/a=1", server.get("/v/uri?a=1").location());
            assertEquals("http://localhost/out/" + LocalDate.now().getYear(), server.get("/v/time").location());
            assertEquals("http://localhost/out/matched?q=1", server.get("/v/the?q=1").location());
            assertEquals("http://localhost/out/root-ok", server.get("/v/root").location());
            assertEquals("http://localhost/out/file-ok", server.get("/v/file").location());
        }
    }
}
