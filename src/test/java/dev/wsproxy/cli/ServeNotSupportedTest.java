package dev.wsproxy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code serve} with directives wsproxy does not support: it logs a difference once, and refuses an exposing one. */
class ServeNotSupportedTest {

    @TempDir
    Path root;

    private Path config(int port, String vhostLines) throws IOException {
        Files.createDirectories(root.resolve("conf"));
        Files.createDirectories(root.resolve("site/html"));
        Files.writeString(root.resolve("site/html/index.html"), "home");
        Files.writeString(root.resolve("conf/mime.properties"), "html = text/html\n");
        Path config = root.resolve("conf/httpd_config.conf");
        Files.writeString(config, "mime conf/mime.properties\nerrorlog logs/error.log {\n  enableStderrLog 0\n}\n"
                + "virtualhost site {\n  vhRoot site/\n  docRoot $VH_ROOT/html/\n" + vhostLines + "\n}\n"
                + "listener main {\n  address 127.0.0.1:" + port + "\n  map site *\n}\n");
        return config;
    }

    @Test
    void aDirectiveThatWouldExposeContentStopsStartUp() throws IOException {
        Path config = config(0, "  hotlinkCtrl {\n    enableHotlinkCtrl 1\n    suffixes jpg\n  }");
        StringWriter err = new StringWriter();
        CommandLine command = Main.commandLine();
        command.setOut(new PrintWriter(new StringWriter()));
        command.setErr(new PrintWriter(err));
        assertEquals(1, command.execute("-c", config.toString()));
        assertTrue(err.toString().contains("conf/httpd_config.conf:9:5: error: `enableHotlinkCtrl 1` is not supported"
                + " by wsproxy. OLS would refuse (403) or redirect requests"), err.toString());
        assertTrue(err.toString().contains("[WSP215]") && err.toString().contains("not starting"), err.toString());
    }

    @Test
    void aDifferenceIsLoggedOnceAtStartUpAndTheServerServes() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Path config = config(port, "  enableIpGeo 1");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "-c", config.toString())
                .redirectErrorStream(true).start();
        try {
            BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8));
            String line;
            do {
                line = output.readLine();
            } while (line != null && !line.contains("wsproxy: serving"));
            assertTrue(line != null, "never started");
            HttpResponse<String> home = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals("home", home.body());
            String errorLog = Files.readString(root.resolve("logs/error.log"));
            assertEquals(1, errorLog.lines().filter(l -> l.contains("[WSP214]")).count(), errorLog);
            assertTrue(errorLog.contains("conf/httpd_config.conf:8:3: warning: `enableIpGeo 1` is not supported"
                    + " by wsproxy. OLS would look clients up in its GeoIP database"), errorLog);
        } finally {
            process.destroy();
            assertTrue(process.waitFor(20, TimeUnit.SECONDS), "stopped on SIGTERM");
        }
    }
}
