package dev.wsproxy.cli;

import dev.wsproxy.config.LoadResult;
import dev.wsproxy.server.pipeline.ExplainRequest;
import dev.wsproxy.server.pipeline.Explainer;
import dev.wsproxy.server.pipeline.Explanation;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code wsproxy explain}: what the server would do with one request, step by step, without serving it. */
@Command(name = "explain", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Takes one request through the steps the server runs for CONF, without network I/O, and prints"
                + " each step's decision and the answer: a file, a redirect, a backend, or a status.")
public final class ExplainCommand implements Callable<Integer> {

    /** Output formats. */
    enum Format { text, json }

    @Option(names = {"-c", "--config"}, paramLabel = "CONF", required = true,
            description = "the server config, httpd_config.conf")
    Path config;

    @Option(names = "--server-root", paramLabel = "DIR",
            description = "$SERVER_ROOT (default: the parent of the config file's directory)")
    Path serverRoot;

    @Option(names = "--upgrade", description = "a WebSocket upgrade: adds Upgrade: websocket and the headers that go with it")
    boolean upgrade;

    @Option(names = {"-X", "--method"}, paramLabel = "METHOD", defaultValue = "GET",
            description = "the request method; default ${DEFAULT-VALUE}")
    String method;

    @Option(names = "--client", paramLabel = "IP", defaultValue = "127.0.0.1",
            description = "the client's address, for accessControl; default ${DEFAULT-VALUE}")
    String client;

    @Option(names = {"-H", "--header"}, paramLabel = "'NAME: VALUE'",
            description = "a request header (repeatable); Host replaces the URL's host")
    List<String> headers = new ArrayList<>();

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text (one line per step) or json; default ${DEFAULT-VALUE}")
    Format format;

    @Parameters(paramLabel = "URL", description = "the request's absolute URL, http:// or https://")
    String url;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        ExplainRequest request = request();
        PrintWriter err = spec.commandLine().getErr();
        LoadResult loaded = ServableConfig.load(config, serverRoot);
        OptionalInt refused = ServableConfig.refusal(loaded, config, err, "nothing to explain");
        if (refused.isPresent()) {
            return refused.getAsInt();
        }
        Explanation explanation = new Explainer(loaded.config().orElseThrow(), ServeParts.create().upgradeRouting())
                .explain(request);
        PrintWriter out = spec.commandLine().getOut();
        out.println(format == Format.json ? ExplainReport.json(explanation) : ExplainReport.text(explanation));
        out.flush();
        return ExitCodes.OK;
    }

    private ExplainRequest request() {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw usage("not a URL: " + e.getMessage());
        }
        if (uri.getScheme() == null || !List.of("http", "https").contains(uri.getScheme().toLowerCase(Locale.ROOT))
                || uri.getHost() == null) {
            throw usage("the URL must be absolute, http://HOST[:PORT]/PATH or https://...: " + url);
        }
        for (String header : headers) {
            if (header.indexOf(':') <= 0) {
                throw usage("--header takes `Name: value`, not `" + header + "`");
            }
        }
        InetAddress clientAddress = ExplainRequest.ipLiteral(client)
                .orElseThrow(() -> usage("--client takes an IP address, not `" + client + "`"));
        return new ExplainRequest(uri, method, upgrade, clientAddress, headers);
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
