package dev.wsproxy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The {@code echo} subcommand's answers to addresses it cannot serve on. */
class EchoCommandTest {

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
}
