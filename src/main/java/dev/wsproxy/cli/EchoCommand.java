package dev.wsproxy.cli;

import dev.wsproxy.config.bind.value.BackendAddresses;
import dev.wsproxy.config.bind.value.Parsed;
import dev.wsproxy.config.model.BackendAddress;
import dev.wsproxy.server.proxy.echo.EchoServer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** The {@code echo} subcommand: a WebSocket echo backend to try a config, run the demo, tests and benchmarks. */
@Command(name = "echo", mixinStandardHelpOptions = true,
        description = "Runs a WebSocket echo backend (RFC 6455) on TCP or Unix-socket addresses until stopped.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:stopped", "1:cannot listen", "2:usage error"})
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
        EchoServer server;
        try {
            server = EchoServer.start(addresses, new LinkedHashSet<>(subprotocols), !noDeflate);
        } catch (IOException | RuntimeException e) {
            spec.commandLine().getErr().println("wsproxy echo: cannot listen: " + e.getMessage());
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }));
        spec.commandLine().getOut().println("wsproxy echo: listening on " + String.join(", ", listen)
                + (server.tcpAddresses().isEmpty() ? "" : " (tcp " + server.tcpAddresses() + ")"));
        spec.commandLine().getOut().flush();
        stopped.await();
        return 0;
    }
}
