package dev.wsproxy.cli;

import dev.wsproxy.config.ConfigLoader;
import dev.wsproxy.config.LoadOptions;
import dev.wsproxy.config.LoadResult;
import dev.wsproxy.config.diag.Diagnostic;
import dev.wsproxy.config.diag.Severity;
import dev.wsproxy.config.lint.report.GccReporter;
import dev.wsproxy.config.lint.report.JsonReporter;
import dev.wsproxy.config.schema.Scope;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code wsproxy lint}: checks an OLS config (or one vhost or template file) and prints every diagnostic. */
@Command(name = "lint", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Checks an OpenLiteSpeed config without serving it: syntax, directives, values, files,"
                + " listener maps and websocket blocks. Prints file:line:col: severity: message [WSPnnn].")
public final class LintCommand implements Callable<Integer> {

    /** Output formats. */
    enum Format { text, json }

    /** Exactly one input: a whole server config, a vhost config, or a template. */
    static final class Input {
        @Option(names = {"-c", "--config"}, paramLabel = "FILE", description = "the server config, httpd_config.conf")
        Path config;
        @Option(names = "--vhost", paramLabel = "FILE", description = "lint one vhost config file on its own")
        Path vhost;
        @Option(names = "--template", paramLabel = "FILE", description = "lint one vhTemplate file on its own")
        Path template;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Input input;

    @Option(names = "--server-root", paramLabel = "DIR",
            description = "$SERVER_ROOT (default: the parent of the config file's directory)")
    Path serverRoot;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text (gcc style, one line per diagnostic) or json; default ${DEFAULT-VALUE}")
    Format format;

    @Option(names = "--strict", description = "treat warnings as errors")
    boolean strict;

    @Option(names = "--no-fs", description = "skip the checks that look at the filesystem (vhRoot, docRoot, files)")
    boolean noFilesystem;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Path file = input.config != null ? input.config : input.vhost != null ? input.vhost : input.template;
        Optional<Diagnostic> unreadable = ConfigLoader.unreadable(file);
        List<Diagnostic> diagnostics = unreadable.map(List::of).orElseGet(() -> load(file)).stream()
                .map(d -> strict && d.severity() == Severity.WARNING ? d.withSeverity(Severity.ERROR) : d)
                .sorted(ORDER).toList();
        report(file, diagnostics);
        if (unreadable.isPresent()) {
            return ExitCodes.UNREADABLE;
        }
        return diagnostics.stream().anyMatch(Diagnostic::isError) ? ExitCodes.FAILED : ExitCodes.OK;
    }

    private List<Diagnostic> load(Path file) {
        // a single vhost or template file names directories relative to a server it does not describe
        LoadOptions options = new LoadOptions(Optional.ofNullable(serverRoot), !noFilesystem && input.config != null);
        LoadResult result = input.config != null ? ConfigLoader.load(file, options)
                : ConfigLoader.lintFile(file, input.vhost != null ? Scope.VHOST_CONFIG : Scope.TEMPLATE, options);
        return result.diagnostics();
    }

    /** The diagnostics on stdout; in text format, a summary line on stderr. */
    private void report(Path file, List<Diagnostic> diagnostics) {
        PrintWriter out = spec.commandLine().getOut();
        GccReporter gcc = new GccReporter();
        if (format == Format.json) {
            out.println(new JsonReporter(gcc).format(diagnostics));
        } else {
            diagnostics.forEach(d -> out.println(gcc.format(d)));
        }
        out.flush();
        if (format == Format.text) {
            PrintWriter err = spec.commandLine().getErr();
            err.println(gcc.relative(file) + ": " + count(diagnostics, Severity.ERROR) + " error(s), "
                    + count(diagnostics, Severity.WARNING) + " warning(s), " + count(diagnostics, Severity.INFO)
                    + " info(s)");
            err.flush();
        }
    }

    private static long count(List<Diagnostic> diagnostics, Severity severity) {
        return diagnostics.stream().filter(d -> d.severity() == severity).count();
    }

    private static final Comparator<Diagnostic> ORDER = Comparator
            .comparing((Diagnostic d) -> d.span().isKnown() ? d.span().file().toString() : "")
            .thenComparingInt(d -> d.span().line())
            .thenComparingInt(d -> d.span().column());
}
