package dev.wsproxy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code --admin HOST:PORT}: a bad address is a usage error that says what to write. */
class AdminOptionTest {

    private static String[] run(String... args) {
        StringWriter err = new StringWriter();
        CommandLine command = Main.commandLine();
        command.setOut(new PrintWriter(new StringWriter()));
        command.setErr(new PrintWriter(err));
        return new String[] {Integer.toString(command.execute(args)), err.toString()};
    }

    @Test
    void aUnixSocketIsRefused() {
        String[] result = run("--admin", "/run/wsproxy-admin.sock", "-c", "conf/httpd_config.conf");
        assertEquals(Integer.toString(ExitCodes.USAGE), result[0]);
        assertTrue(result[1].contains("the admin endpoint listens on TCP: write HOST:PORT"), result[1]);
    }

    @Test
    void aPortOutOfRangeIsRefused() {
        String[] result = run("--admin", "127.0.0.1:70000", "-c", "conf/httpd_config.conf");
        assertEquals(Integer.toString(ExitCodes.USAGE), result[0]);
        assertTrue(result[1].contains("Invalid value for option '--admin'"), result[1]);
    }
}
