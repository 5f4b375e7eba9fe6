package dev.wsproxy.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;

/** The exit codes of every subcommand, one meaning each, and the table {@code --help} lists them in. */
final class ExitCodes {
    /** {@code lint} found no errors; {@code serve} or {@code echo} stopped on SIGTERM or SIGINT. */
    static final int OK = CommandLine.ExitCode.OK;
    /** Config errors, or the server could not start. Also what picocli returns when a command throws. */
    static final int FAILED = CommandLine.ExitCode.SOFTWARE;
    /** A bad command line; picocli returns it for every option it cannot parse. */
    static final int USAGE = CommandLine.ExitCode.USAGE;
    /** The file named on the command line cannot be read (missing, a directory, permission denied). */
    static final int UNREADABLE = 3;

    private static final Map<String, String> HELP = new LinkedHashMap<>();

    static {
        HELP.put(Integer.toString(OK), "success: lint found no errors (warnings and infos allowed); the server or"
                + " echo backend stopped on SIGTERM or SIGINT");
        HELP.put(Integer.toString(FAILED), "config errors (lint --strict: warnings too), or cannot start: a listener"
                + " or log cannot be opened");
        HELP.put(Integer.toString(USAGE), "usage error");
        HELP.put(Integer.toString(UNREADABLE), "the input file cannot be read: no such file, a directory, or"
                + " permission denied");
    }

    private ExitCodes() {
    }

    /** Lists the table under "Exit codes:" in the help of {@code command} and of each of its subcommands. */
    static void listIn(CommandLine command) {
        command.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(HELP);
        command.getSubcommands().values().forEach(ExitCodes::listIn);
    }
}
