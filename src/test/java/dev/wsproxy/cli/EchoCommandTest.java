package dev.wsproxy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The {@code echo} subcommand: its answers to addresses it cannot serve on, its output, its stop. */
class EchoCommandTest {
    /** The server's error-log line: what the libraries under echo may print, one line each. */
    private static final Pattern ERROR_LOG_LINE =
            Pattern.compile("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3} \\[(ERROR|WARN)] \\S+: .+");

    private static int run(StringWriter err, String... args) {
        CommandLine command = Main.commandLine();
        command.setErr(new PrintWriter(err, true));
        return command.execute(args);
    }

    @Test
    void anAddressWithoutAPortIsAUsageError() {
        StringWriter err = new StringWriter();
        assertEquals(2, run(err, "echo", "--listen", "127.0.0.1"));
        assertTrue(err.toString().contains("`127.0.0.1` has no port"), err.toString());
    }

    @Test
    void aRegularFileInTheWayOfTheSocketIsNotDeleted(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("data.sock"), "precious");
        StringWriter err = new StringWriter();
        assertEquals(1, run(err, "echo", "--listen", "unix:" + file));
        assertTrue(err.toString().contains("exists and is not a socket"), err.toString());
        assertEquals("precious", Files.readString(file));
    }

    @Test
    void servesUntilSigtermThenExitsZeroPrintingNoLibraryBanners(@TempDir Path dir) throws Exception {
        int port = Loopback.freePort("127.0.0.1");
        Process echo = WsproxyProcess.start(dir, "echo", "--listen", "127.0.0.1:" + port);
        try {
            BufferedReader output = WsproxyProcess.output(echo);
            List<String> printed = new ArrayList<>(WsproxyProcess.linesUntil(output, "wsproxy echo: listening on"));
            assertEquals("wsproxy echo: listening on 127.0.0.1:" + port + " (tcp 127.0.0.1:" + port + ")",
                    printed.remove(printed.size() - 1));
            try (Socket client = new Socket("127.0.0.1", port)) {
                client.getOutputStream().write(("GET / HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                        + "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                String status = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII))
                        .readLine();
                assertEquals("HTTP/1.1 101 Switching Protocols", status);
            }
            WsproxyProcess.sigterm(echo);
            assertTrue(echo.waitFor(20, TimeUnit.SECONDS), "stopped on SIGTERM");
            assertEquals(0, echo.exitValue());
            printed.addAll(output.lines().toList());
            for (String line : printed) {
                assertTrue(ERROR_LOG_LINE.matcher(line).matches(), "not an error-log line: " + line + "\n" + printed);
            }
        } finally {
            echo.destroyForcibly();
        }
    }

    @Test
    void tcpAddressesAreShownAsTyped() throws Exception {
        assumeTrue(Loopback.hasIpv6(), "this machine has no ::1");
        int port = Loopback.freePort("::1");
        Process echo = WsproxyProcess.start(Path.of("."), "echo", "--listen", "[::1]:" + port);
        try {
            List<String> printed = WsproxyProcess.linesUntil(WsproxyProcess.output(echo), "wsproxy echo: listening on");
            assertEquals("wsproxy echo: listening on [::1]:" + port + " (tcp [::1]:" + port + ")",
                    printed.get(printed.size() - 1));
        } finally {
            echo.destroyForcibly();
        }
    }
}
