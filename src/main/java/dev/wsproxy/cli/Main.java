package dev.wsproxy.cli;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/** The {@code wsproxy} command: serves an OLS config, and holds the lint, explain and echo subcommands. */
@Command(name = "wsproxy", mixinStandardHelpOptions = true, versionProvider = Version.class,
        subcommands = {LintCommand.class, ExplainCommand.class, EchoCommand.class},
        description = {"Serves an OpenLiteSpeed configuration, WebSocket proxy included, until SIGTERM or SIGINT.",
                "SIGHUP or SIGUSR1 reloads the config in place; SIGUSR2 drains for a handover to another process."})
public final class Main implements java.util.concurrent.Callable<Integer> {

    @Option(names = {"-c", "--config"}, paramLabel = "FILE", description = "the server config, httpd_config.conf")
    Path config;

    @Option(names = "--server-root", paramLabel = "DIR",
            description = "$SERVER_ROOT (default: the parent of the config file's directory)")
    Path serverRoot;

    @Option(names = "--pid-file", paramLabel = "FILE",
            description = "write the process id to FILE; removed at the exit while it still names this process")
    Path pidFile;

    @Option(names = "--admin", paramLabel = "HOST:PORT", converter = AdminAddress.class,
            description = "serve GET /healthz, GET /metrics (Prometheus) and POST /drain on this address; off by"
                    + " default, keep it on loopback (127.0.0.1:9100)")
    InetSocketAddress admin;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        if (config == null) {
            spec.commandLine().usage(spec.commandLine().getErr());
            return ExitCodes.USAGE;
        }
        return new Serve(spec.commandLine().getOut(), spec.commandLine().getErr()).run(config, serverRoot,
                Optional.ofNullable(pidFile), Optional.ofNullable(admin), new ServeSignals());
    }

    public static void main(String[] args) {
        // read once, when the JDK's TLS classes load: a client that renegotiates can make the server redo its
        // most expensive work, the key exchange, as often as it likes on one connection
        System.setProperty("jdk.tls.rejectClientInitiatedRenegotiation", "true");
        System.exit(commandLine().execute(args));
    }

    /** The configured picocli command line; tests run it in process. */
    public static CommandLine commandLine() {
        CommandLine command = new CommandLine(new Main());
        ExitCodes.listIn(command);
        return command;
    }
}
