package dev.wsproxy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wsproxy.config.Golden;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code wsproxy explain} run in process over {@code conf-samples/} and a vhost with rewrite rules: its output for a
 * table of requests, and its exit codes.
 */
class ExplainCommandTest {

    private static final String CONF = "conf-samples/conf/httpd_config.conf";
    private static final List<List<String>> REQUESTS = List.of(
            List.of("http://127.0.0.1:8088/"),
            List.of("http://chat.localhost:8088/nope"),
            List.of("http://chat.localhost:8088/static"),
            List.of("http://chat.localhost:8088/static/.htaccess"),
            List.of("-X", "POST", "http://chat.localhost:8088/"),
            List.of("--client", "192.0.2.7", "http://chat.localhost:8088/"),
            List.of("--upgrade", "http://127.0.0.1:8088/ws/"),
            List.of("--upgrade", "http://127.0.0.1:8088/rooms/lobby/live"),
            List.of("--upgrade", "http://127.0.0.1:8088/static/"),
            List.of("--upgrade", "-X", "POST", "http://127.0.0.1:8088/ws/"),
            List.of("http://docs.localhost:8088/old/a?page=2"),
            List.of("http://manual.localhost:8088/guide/intro.txt"),
            List.of("--header", "Host: www.beta.localhost", "http://127.0.0.1:8088/"),
            List.of("http://nobody.example:8088/"),
            List.of("http://127.0.0.1:8088/a/%2e%2e/%2e%2e/etc/passwd"),
            List.of("https://alpha.localhost:8443/"),
            List.of("http://[::1]:8089/static/site.css"),
            List.of("http://127.0.0.1:9999/"),
            List.of("--format", "json", "http://docs.localhost:8088/old/a"),
            List.of("--format", "json", "--upgrade", "http://127.0.0.1:8088/uds/"));

    @TempDir
    Path tmp;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(List<String> args) {
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args.toArray(String[]::new));
    }

    @Test
    void explainsEachRequestAsTheGoldenSays() throws IOException {
        StringBuilder all = new StringBuilder();
        for (List<String> request : REQUESTS) {
            out.getBuffer().setLength(0);
            int exit = run(concat(List.of("explain", "-c", CONF), request));
            assertEquals(ExitCodes.OK, exit, request + ": " + err);
            String shown = String.join(" ", request.stream().map(a -> a.contains(" ") ? "'" + a + "'" : a).toList());
            all.append("$ wsproxy explain ").append(shown).append('\n').append(out).append('\n');
        }
        String root = Path.of("").toAbsolutePath().toString();
        Golden.check(Path.of("src/test/resources/explain/conf-samples.txt"), all.toString().replace(root, "<repo>"));
    }

    @Test
    void showsEachRewriteRuleThatFiredAndTheUrlAfterIt() throws IOException {
        Files.createDirectories(tmp.resolve("conf"));
        Files.createDirectories(tmp.resolve("site/html/new"));
        Files.writeString(tmp.resolve("site/html/new/page.html"), "new");
        Files.createDirectories(tmp.resolve("site/html/sub"));
        Files.writeString(tmp.resolve("site/html/sub/.htaccess"), "RewriteEngine On\nRewriteRule ^page$ /new/page.html\n");
        Files.writeString(tmp.resolve("conf/mime.properties"), "html = text/html\n");
        Path conf = tmp.resolve("conf/httpd_config.conf");
        Files.writeString(conf, """
                mime conf/mime.properties
                virtualhost site {
                  vhRoot site/
                  docRoot $VH_ROOT/html/
                  rewrite {
                    enable 1
                    RewriteRule ^/old/(.*)$ /new/$1
                    RewriteRule ^/new/(.*)\\.htm$ /new/$1.html
                    RewriteRule ^/gone$ - [G]
                  }
                  context /new/ {
                    location $DOC_ROOT/new/
                    rewrite {
                      RewriteRule ^moved$ /elsewhere [R=302,L]
                    }
                  }
                }
                listener web {
                  address 127.0.0.1:8088
                  map site *
                }
                autoLoadHtaccess 1
                """);
        StringBuilder all = new StringBuilder();
        for (String url : List.of("/old/page.htm?x=1", "/gone", "/new/moved", "/new/page.html", "/sub/page")) {
            out.getBuffer().setLength(0);
            assertEquals(ExitCodes.OK, run(List.of("explain", "-c", conf.toString(), "http://127.0.0.1:8088" + url)),
                    err.toString());
            all.append("$ wsproxy explain http://127.0.0.1:8088").append(url).append('\n').append(out).append('\n');
        }
        Golden.check(Path.of("src/test/resources/explain/rewrite.txt"), all.toString().replace(tmp.toString(), "<tmp>"));
    }

    @Test
    void badArgumentsExitTwo() {
        for (List<String> args : List.of(List.of("not a url"), List.of("/relative"), List.of("ftp://host/"),
                List.of("--client", "localhost", "http://127.0.0.1:8088/"),
                List.of("--header", "no colon", "http://127.0.0.1:8088/"))) {
            err.getBuffer().setLength(0);
            assertEquals(ExitCodes.USAGE, run(concat(List.of("explain", "-c", CONF), args)), args.toString());
            assertTrue(err.toString().lines().findFirst().orElse("").length() > 10, err.toString());
        }
        assertEquals(ExitCodes.USAGE, run(List.of("explain", "http://127.0.0.1/")), "no config");
    }

    @Test
    void aConfigThatDoesNotLoadIsReportedAsLintReportsIt() throws IOException {
        Path conf = tmp.resolve("conf/httpd_config.conf");
        Files.createDirectories(conf.getParent());
        Files.writeString(conf, "listener web {\n  address 127.0.0.1:notaport\n}\n");
        assertEquals(ExitCodes.FAILED, run(List.of("explain", "-c", conf.toString(), "http://127.0.0.1/")));
        assertTrue(err.toString().contains("httpd_config.conf:2:"), err.toString());
        assertTrue(err.toString().contains("nothing to explain"), err.toString());
        assertEquals("", out.toString());
        assertEquals(ExitCodes.UNREADABLE, run(List.of("explain", "-c", tmp.resolve("missing.conf").toString(),
                "http://127.0.0.1/")));
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
