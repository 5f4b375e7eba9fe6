package dev.wsproxy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.wsproxy.cli.WsproxyProcess.Result;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * What serve, lint and echo share: {@code -V}, one exit-code table listed in each {@code --help}, and the same
 * exit code for the same failure, checked on real processes.
 */
class SubcommandsTest {
    private static final List<String> SUBCOMMANDS = List.of("", "lint", "echo");

    @TempDir
    Path dir;

    private static String[] inProcess(String... args) {
        StringWriter out = new StringWriter();
        CommandLine command = Main.commandLine();
        command.setOut(new PrintWriter(out));
        command.setErr(new PrintWriter(new StringWriter()));
        int exit = command.execute(args);
        return new String[] {Integer.toString(exit), out.toString()};
    }

    private static String[] withSubcommand(String subcommand, String... args) {
        List<String> all = new ArrayList<>();
        if (!subcommand.isEmpty()) {
            all.add(subcommand);
        }
        all.addAll(List.of(args));
        return all.toArray(String[]::new);
    }

    @Test
    void everySubcommandAnswersDashCapitalV() {
        for (String subcommand : SUBCOMMANDS) {
            for (String option : List.of("-V", "--version")) {
                String[] run = inProcess(withSubcommand(subcommand, option));
                assertEquals("0", run[0], subcommand + " " + option);
                assertEquals(new Version().getVersion()[0], run[1].strip(), subcommand + " " + option);
                assertTrue(run[1].startsWith("wsproxy "), run[1]);
            }
        }
    }

    @Test
    void everySubcommandListsTheSameExitCodes() {
        List<String> tables = new ArrayList<>();
        for (String subcommand : SUBCOMMANDS) {
            String[] help = inProcess(withSubcommand(subcommand, "--help"));
            assertEquals("0", help[0]);
            assertTrue(help[1].contains("Exit codes:"), help[1]);
            tables.add(help[1].substring(help[1].indexOf("Exit codes:")));
        }
        assertEquals(List.of(tables.get(0), tables.get(0), tables.get(0)), tables);
        for (String code : List.of("0   success", "1   config errors", "2   usage error", "3   the input file cannot be read")) {
            assertTrue(tables.get(0).contains(code), tables.get(0));
        }
    }

    @Test
    void aMissingConfigExitsThreeForServeAndLintAlike() throws Exception {
        Path missing = dir.resolve("nope.conf");
        String file = missing.toString();
        for (String[] args : List.of(new String[] {"-c", file}, new String[] {"lint", "-c", file},
                new String[] {"lint", "--vhost", file}, new String[] {"lint", "--template", file},
                new String[] {"lint", "--format", "json", "-c", file})) {
            assertCannotRead(List.of(), args, missing, "no such file");
        }
    }

    @Test
    void aDirectoryGivenAsTheConfigExitsThreeAndSaysSo() throws Exception {
        for (String[] args : List.of(new String[] {"-c", dir.toString()}, new String[] {"lint", "-c", dir.toString()})) {
            assertCannotRead(List.of(), args, dir, "is a directory");
        }
    }

    @Test
    void aConfigWsproxyMayNotReadExitsThreeWithPermissionDenied() throws Exception {
        Path config = ServedTree.write(dir, "127.0.0.1:8088", "");
        Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("---------"));
        List<String> asUnprivileged = new ArrayList<>();
        if (System.getProperty("user.name").equals("root")) {
            // root reads any file; without these two capabilities it cannot
            assumeTrue(Files.isExecutable(Path.of("/usr/bin/setpriv")), "running as root without setpriv");
            asUnprivileged.addAll(List.of("/usr/bin/setpriv", "--bounding-set", "-dac_override,-dac_read_search"));
        }
        for (String[] args : List.of(new String[] {"-c", config.toString()}, new String[] {"lint", "-c", config.toString()})) {
            assertCannotRead(asUnprivileged, args, config, "permission denied");
        }
    }

    /** wsproxy {@code args}, run after {@code prefix}, exits 3 saying it cannot read {@code config} and why. */
    private void assertCannotRead(List<String> prefix, String[] args, Path config, String why) throws Exception {
        List<String> command = new ArrayList<>(prefix);
        command.addAll(WsproxyProcess.command(args));
        Result run = WsproxyProcess.run(dir, command);
        assertEquals(3, run.exit(), command + "\n" + run);
        assertTrue((run.out() + run.err()).contains("cannot read config file `" + config + "`: " + why),
                command + "\n" + run);
    }

    @Test
    void configErrorsExitOneForServeAndLintAlike() throws Exception {
        Path config = ServedTree.write(dir, "127.0.0.1:70000", "");
        assertEquals(1, WsproxyProcess.run(dir, "-c", config.toString()).exit());
        assertEquals(1, WsproxyProcess.run(dir, "lint", "-c", config.toString()).exit());
    }

    @Test
    void usageErrorsExitTwoForEverySubcommand() throws Exception {
        for (String subcommand : SUBCOMMANDS) {
            Result run = WsproxyProcess.run(dir, withSubcommand(subcommand, "--no-such-option"));
            assertEquals(2, run.exit(), subcommand + "\n" + run);
            // echo names its missing --listen first
            assertTrue(run.err().contains("Unknown option: '--no-such-option'")
                    || run.err().contains("Missing required option: '--listen=ADDRESS'"), run.toString());
        }
    }

    @Test
    void runFromTheRootDirectoryOrBesideTheConfigPathsOutsideItAreAbsolute() throws Exception {
        Path config = ServedTree.write(dir, "127.0.0.1:70000", "");
        for (Path cwd : List.of(Path.of("/"), dir.resolve("site"))) {
            Result lint = WsproxyProcess.run(cwd, "lint", "-c", config.toString());
            assertEquals(1, lint.exit(), lint.toString());
            assertTrue(lint.out().startsWith(config + ":14:21: error: "), cwd + "\n" + lint);
            assertTrue(lint.err().startsWith(config + ": 1 error(s)"), cwd + "\n" + lint);
            Result serve = WsproxyProcess.run(cwd, "-c", config.toString());
            assertTrue(serve.err().startsWith(config + ":14:21: error: "), cwd + "\n" + serve);
            assertTrue(serve.err().contains("wsproxy: " + config + ": 1 error(s); not starting"), serve.toString());
        }
    }
}
