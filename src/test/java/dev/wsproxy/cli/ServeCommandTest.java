package dev.wsproxy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code wsproxy -c httpd_config.conf}: a real config tree on disk, served until SIGTERM. */
class ServeCommandTest {

    @TempDir
    Path root;

    private Path configTree(int port, String extraVhostLines) throws IOException {
        return ServedTree.write(root, "127.0.0.1:" + port, extraVhostLines);
    }

    private static String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine command = Main.commandLine();
        command.setOut(new PrintWriter(out));
        command.setErr(new PrintWriter(err));
        int code = command.execute(args);
        return new String[] {Integer.toString(code), out.toString(), err.toString()};
    }

    @Test
    void configErrorsStopStartUpWithTheDiagnosticsLintPrints() throws Exception {
        Path config = configTree(Loopback.freePort("127.0.0.1"), "  context /gone/ {\n    location /no/such/dir/\n  }");
        String[] serve = run("-c", config.toString());
        String[] lint = run("lint", "-c", config.toString());
        assertEquals("1", serve[0]);
        assertEquals("1", lint[0]);
        List<String> lintErrors = lint[1].lines().filter(line -> line.contains(": error: ")).toList();
        assertFalse(lintErrors.isEmpty(), lint[1]);
        for (String error : lintErrors) {
            assertTrue(serve[2].contains(error), "serve prints " + error + "\nbut printed:\n" + serve[2]);
        }
        assertTrue(serve[2].contains("not starting"), serve[2]);
    }

    @Test
    void portInUseStopsStartUpWithExitCode1() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, java.net.InetAddress.getByName("127.0.0.1"))) {
            Path config = configTree(taken.getLocalPort(), "");
            String[] serve = run("-c", config.toString());
            assertEquals("1", serve[0], serve[2]);
            assertTrue(serve[2].contains("listener main cannot listen on 127.0.0.1:" + taken.getLocalPort()), serve[2]);
        }
    }

    @Test
    void withoutAConfigItIsAUsageError() {
        String[] serve = run();
        assertEquals("2", serve[0]);
        assertTrue(serve[2].contains("--config"), serve[2]);
    }

    @Test
    void servesTheConfigUntilSigtermThenExitsZero() throws Exception {
        int port = Loopback.freePort("127.0.0.1");
        Path config = configTree(port, "");
        Process process = WsproxyProcess.start(root, "-c", config.toString());
        try {
            List<String> started = WsproxyProcess.linesUntil(WsproxyProcess.output(process), "wsproxy: serving");
            assertEquals("wsproxy: serving conf/httpd_config.conf; error log logs/error.log", started.get(started.size() - 1),
                    "paths relative to the working directory");
            HttpClient client = HttpClient.newHttpClient();
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode());
            assertEquals("served from disk", response.body());
            assertEquals(301, client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/docs")).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode());
            process.destroy();
            assertTrue(process.waitFor(20, TimeUnit.SECONDS), "stopped on SIGTERM");
            assertEquals(0, process.exitValue());
            String access = Files.readString(root.resolve("logs/access.log"));
            assertTrue(access.contains("\"GET / HTTP/1.1\" 200 16"), access);
            assertTrue(Files.readString(root.resolve("logs/error.log")).contains("stopped after in-flight requests finished"));
        } finally {
            process.destroyForcibly();
        }
    }
}
