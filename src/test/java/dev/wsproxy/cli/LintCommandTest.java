package dev.wsproxy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code wsproxy lint} run in process: output lines, formats and exit codes 0/1/2/3. */
class LintCommandTest {
    private static final Pattern GCC_LINE = Pattern.compile("\\S+:\\d+:\\d+: (error|warning|info): .+ \\[WSP\\d{3}]");

    @TempDir
    Path tmp;
    private Path root;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void tree() throws IOException {
        root = tmp.resolve("ols");
        Files.createDirectories(root.resolve("conf"));
        Files.createDirectories(root.resolve("site/html"));
        Files.writeString(root.resolve("conf/mime.properties"), "html = text/html\n");
    }

    private Path config(String extra) throws IOException {
        Path file = root.resolve("conf/httpd_config.conf");
        Files.writeString(file, """
                mime conf/mime.properties
                virtualhost site {
                  vhRoot site/
                  docRoot $VH_ROOT/html/
                  websocket /ws/ {
                    address 127.0.0.1:9001
                  }
                }
                listener web {
                  address 127.0.0.1:8088
                  map site *
                }
                """ + extra);
        return file;
    }

    private int run(String... args) {
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    private List<String> lines() {
        return out.toString().lines().toList();
    }

    @Test
    void cleanConfigExitsZeroAndPrintsNothing() throws IOException {
        assertEquals(0, run("lint", "-c", config("").toString()));
        assertEquals(List.of(), lines());
        assertTrue(err.toString().contains("0 error(s), 0 warning(s)"), err.toString());
    }

    @Test
    void confSamplesLintClean() {
        assertEquals(0, run("lint", "-c", "conf-samples/conf/httpd_config.conf"));
        assertTrue(lines().stream().allMatch(l -> l.contains(": info: ")), lines().toString());
        assertTrue(lines().stream().allMatch(l -> l.startsWith("conf-samples/conf/")), "paths relative to the cwd");
    }

    @Test
    void warningsExitZeroUnlessStrict() throws IOException {
        Path file = config("tuning {\n  keepAliveTimout 5\n}\n");
        assertEquals(0, run("lint", "-c", file.toString()));
        assertEquals(1, lines().size());
        String line = lines().get(0);
        assertTrue(GCC_LINE.matcher(line).matches(), line);
        assertTrue(line.endsWith("conf/httpd_config.conf:14:3: warning: unknown directive `keepAliveTimout` in tuning."
                + " Did you mean `keepAliveTimeout`? OLS ignores it (\"Not support [keepAliveTimout]\"); remove it or"
                + " correct the spelling. [WSP201]"), line);
        out.getBuffer().setLength(0);
        assertEquals(1, run("lint", "--strict", "-c", file.toString()));
        assertTrue(lines().get(0).contains(": error: unknown directive"), lines().toString());
    }

    @Test
    void errorsExitOne() throws IOException {
        assertEquals(1, run("lint", "-c", config("listener bad {\n  address *:70000\n}\n").toString()));
        assertTrue(lines().stream().anyMatch(l -> l.contains("conf/httpd_config.conf:14:13: error: `address`: port 70000"
                + " is out of range") && l.endsWith("[WSP208]")), lines().toString());
    }

    @Test
    void aParseFailureIsNeverClean() throws IOException {
        assertEquals(1, run("lint", "-c", config("tuning {\n").toString()));
        assertTrue(lines().stream().anyMatch(l -> l.contains("[WSP101]")), lines().toString());
    }

    @Test
    void twoDirectivesOnOneLineSayWhatToDo() throws IOException {
        assertEquals(1, run("lint", "-c", config("accesslog logs/a.log {\n  keepDays 10  compressArchive 1\n}\n")
                .toString()));
        assertTrue(lines().stream().anyMatch(l -> l.contains("`keepDays`: `10  compressArchive 1` is not a number."
                + " `compressArchive 1` looks like a second directive on the same line") && l.endsWith("[WSP205]")),
                lines().toString());
    }

    @Test
    void regexErrorsPointAtTheirColumn() throws IOException {
        Path file = config("virtualhost chat {\n  vhRoot site/\n  docRoot $VH_ROOT/html/\n"
                + "  websocket   exp:^/chat/(?P<room>[a-z]+)$ {\n    address 127.0.0.1:9001\n  }\n}\n");
        assertEquals(1, run("lint", "-c", file.toString()));
        assertTrue(lines().stream().anyMatch(l -> l.contains("conf/httpd_config.conf:16:28: error: websocket URI: the"
                + " regular expression does not compile") && l.contains("(?<name>...)") && l.endsWith("[WSP306]")),
                lines().toString());
    }

    @Test
    void jsonIsOneVersionedObject() throws IOException {
        assertEquals(1, run("lint", "--format", "json", "-c", config("autoIndex yes\n").toString()));
        String json = out.toString().trim();
        assertTrue(json.startsWith("{\"format_version\":1,\"valid\":false,\"error_count\":1,\"warning_count\":0,"
                + "\"diagnostics\":[{\"code\":\"WSP206\",\"severity\":\"error\",\"file\":"), json);
        assertTrue(json.contains("\"line\":13,\"column\":11,\"summary\":\"`autoIndex`: `yes` is not 0 or 1\""), json);
        assertEquals(1, json.lines().count());
    }

    @Test
    void noFsSkipsFilesystemChecks() throws IOException {
        Path file = config("virtualhost gone {\n  vhRoot gone/\n  docRoot $VH_ROOT/html/\n}\n");
        assertEquals(1, run("lint", "-c", file.toString()));
        assertTrue(out.toString().contains("[WSP301]"));
        out.getBuffer().setLength(0);
        assertEquals(0, run("lint", "--no-fs", "-c", file.toString()));
    }

    @Test
    void vhostFileIsLintedInItsOwnScope() throws IOException {
        Path vhost = root.resolve("conf/site.conf");
        Files.writeString(vhost, "docRoot $VH_ROOT/html/\nwebsocket /ws/ {\n  adress 127.0.0.1:9001\n}\n");
        assertEquals(1, run("lint", "--vhost", vhost.toString(), "--server-root", root.toString()));
        assertTrue(out.toString().contains("unknown directive `adress` in websocket. Did you mean `address`?"),
                out.toString());
        assertTrue(out.toString().contains("websocket block has no address"), out.toString());
    }

    @Test
    void templateFileIsLintedInItsOwnScope() throws IOException {
        Path template = root.resolve("conf/t.conf");
        Files.writeString(template, "vhRoot $SERVER_ROOT/$VH_NAME/\nvirtualHostConfig {\n  docRoot $VH_ROOT/html/\n}\n");
        assertEquals(0, run("lint", "--template", template.toString()));
        assertEquals(List.of(), lines());
    }

    @Test
    void unreadableInputExitsThreeAndSaysWhy() throws IOException {
        Path missing = tmp.resolve("nope.conf");
        assertEquals(3, run("lint", "-c", missing.toString()));
        assertEquals(List.of(missing + ":1:1: error: cannot read config file `" + missing + "`: no such file."
                + " Check the path and its permissions. [WSP109]"), lines());
        assertTrue(err.toString().contains("1 error(s), 0 warning(s), 0 info(s)"), err.toString());
        out.getBuffer().setLength(0);
        assertEquals(3, run("lint", "--vhost", root.resolve("conf").toString()));
        assertTrue(out.toString().contains("`" + root.resolve("conf") + "`: is a directory."), out.toString());
    }

    @Test
    void jsonForAnUnreadableInputIsTheObjectWithItsDiagnostic() {
        Path missing = tmp.resolve("nope.conf");
        assertEquals(3, run("lint", "--format", "json", "-c", missing.toString()));
        assertEquals(List.of("{\"format_version\":1,\"valid\":false,\"error_count\":1,\"warning_count\":0,"
                + "\"diagnostics\":[{\"code\":\"WSP109\",\"severity\":\"error\",\"file\":\"" + missing + "\","
                + "\"line\":1,\"column\":1,\"summary\":\"cannot read config file `" + missing + "`: no such file\","
                + "\"detail\":\"Check the path and its permissions.\",\"related\":[]}]}"), lines());
        assertEquals("", err.toString(), "json output alone, no summary line");
    }

    @Test
    void theSummaryLineCountsInfosToo() {
        assertEquals(0, run("lint", "-c", "conf-samples/conf/httpd_config.conf"));
        long infos = lines().stream().filter(l -> l.contains(": info: ")).count();
        assertTrue(infos > 0, "conf-samples has infos: " + lines());
        assertEquals("conf-samples/conf/httpd_config.conf: 0 error(s), 0 warning(s), " + infos + " info(s)",
                err.toString().strip());
    }

    @Test
    void usageErrorsExitTwo() throws IOException {
        assertEquals(2, run("lint"));
        assertEquals(2, run("lint", "-c", config("").toString(), "--vhost", "x.conf"));
        assertEquals(2, run("lint", "--format", "xml", "-c", config("").toString()));
    }

    @Test
    void helpListsTheExitCodes() {
        assertEquals(0, run("lint", "--help"));
        String help = out.toString();
        assertTrue(help.contains("Exit codes:") && help.contains("3   the input file cannot be read"), help);
    }
}
