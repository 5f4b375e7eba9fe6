package dev.wsproxy.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code wsproxy} command: serves an OLS config, and holds the lint and echo subcommands. */
@Command(name = "wsproxy", mixinStandardHelpOptions = true, versionProvider = Version.class,
        subcommands = {LintCommand.class, EchoCommand.class},
        description = "Serves an OpenLiteSpeed configuration, WebSocket proxy included.")
public final class Main implements java.util.concurrent.Callable<Integer> {

    @Override
    public Integer call() {
        CommandLine.usage(this, System.out);
        return 2;
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured picocli command line; tests run it in process. */
    public static CommandLine commandLine() {
        return new CommandLine(new Main());
    }
}
