package dev.wsproxy.cli;

import dev.wsproxy.config.bind.value.BackendAddresses;
import dev.wsproxy.config.bind.value.Parsed;
import dev.wsproxy.config.model.BackendAddress;
import dev.wsproxy.server.log.ErrorLog;
import dev.wsproxy.server.log.IpText;
import dev.wsproxy.server.log.LibraryLogBridge;
import dev.wsproxy.tools.echo.EchoServer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The {@code echo} subcommand: a WebSocket echo backend to try a config, run the demo, tests and benchmarks. */
@Command(name = "echo", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Runs a WebSocket echo backend (RFC 6455) on TCP or Unix-socket addresses until stopped.")
final class EchoCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--listen", required = true, paramLabel = "ADDRESS",
            description = "Where to listen: ip:port, [v6]:port, host:port, /abs/path.sock, uds://path or "
                    + "unix:/path. Repeat for several.")
    private List<String> listen = new ArrayList<>();

    @Option(names = "--subprotocol", paramLabel = "NAME",
            description = "A subprotocol to accept (the first the client offers wins). Repeat for several.")
    private List<String> subprotocols = new ArrayList<>();

    @Option(names = "--no-deflate", description = "Do not accept permessage-deflate.")
    private boolean noDeflate;

    @Override
    public Integer call() throws InterruptedException {
        List<BackendAddress> addresses = new ArrayList<>();
        for (String text : listen) {
            Parsed<BackendAddress> parsed = BackendAddresses.websocket(text);
            if (parsed instanceof Parsed.Bad<BackendAddress> bad) {
                throw new ParameterException(spec.commandLine(),
                        "--listen: " + bad.summary() + ". " + bad.detail());
            }
            addresses.add(parsed.get().orElseThrow());
        }
        // Undertow and XNIO log through java.util.logging: no start-up banners, warnings as error-log lines
        LibraryLogBridge.quiet();
        LibraryLogBridge.install(ErrorLog.onStderr(System.err));
        EchoServer server;
        try {
            server = EchoServer.start(addresses, new LinkedHashSet<>(subprotocols), !noDeflate);
        } catch (IOException | RuntimeException e) {
            spec.commandLine().getErr().println("wsproxy echo: cannot listen: " + e.getMessage());
            return ExitCodes.FAILED;
        }
        StopSignals signals = new StopSignals();
        List<String> tcp = server.tcpAddresses().stream().map(IpText::hostPort).toList();
        spec.commandLine().getOut().println("wsproxy echo: listening on " + String.join(", ", listen)
                + (tcp.isEmpty() ? "" : " (tcp " + String.join(", ", tcp) + ")"));
        spec.commandLine().getOut().flush();
        signals.await();
        server.close();
        return ExitCodes.OK;
    }
}
