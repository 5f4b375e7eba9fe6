package dev.wsproxy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The README's lint commands on the sample config work as written, run from the repository root as the README
 * says: a new user copies them first.
 */
class ReadmeCommandsTest {

    @Test
    void everySampleLintCommandOfTheReadmeExitsZero() throws IOException {
        List<String> commands = Files.readAllLines(Path.of("README.md")).stream().map(String::strip)
                .filter(line -> line.startsWith("bin/wsproxy lint") && line.contains("conf-samples/"))
                .map(line -> line.replaceFirst("\\s+#.*$", "")).toList();
        assertFalse(commands.isEmpty(), "the README shows how to lint the sample config");
        for (String command : commands) {
            String[] args = Arrays.copyOfRange(command.split("\\s+"), 1, command.split("\\s+").length);
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            CommandLine cli = Main.commandLine();
            cli.setOut(new PrintWriter(out));
            cli.setErr(new PrintWriter(err));
            assertEquals(ExitCodes.OK, cli.execute(args), command + "\n" + out + err);
            assertTrue(err.toString().contains("0 error(s)"), command + "\n" + err);
        }
    }

    /** The README is a user's manual of at most 16 KB; reference detail belongs in docs/. */
    @Test
    void theReadmeStaysWithin16KB() throws IOException {
        long size = Files.size(Path.of("README.md"));
        assertTrue(size <= 16 * 1024, "README.md is " + size + " bytes; move detail to docs/");
    }
}
