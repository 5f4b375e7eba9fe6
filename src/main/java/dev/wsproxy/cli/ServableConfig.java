package dev.wsproxy.cli;

import dev.wsproxy.config.ConfigLoader;
import dev.wsproxy.config.LoadOptions;
import dev.wsproxy.config.LoadResult;
import dev.wsproxy.config.diag.Diagnostic;
import dev.wsproxy.config.lint.report.GccReporter;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;

/** A server config loaded for serving: any error that keeps it from being served is printed as {@code lint} prints it. */
final class ServableConfig {

    private ServableConfig() {
    }

    static LoadResult load(Path configFile, Path serverRoot) {
        return ConfigLoader.load(configFile, new LoadOptions(Optional.ofNullable(serverRoot), true));
    }

    /**
     * Prints the diagnostics and a summary ending in {@code consequence} when {@code loaded} cannot be served.
     *
     * @return the exit code then, or empty when the config can be served
     */
    static OptionalInt refusal(LoadResult loaded, Path configFile, PrintWriter err, String consequence) {
        if (!loaded.stopsServe() && loaded.config().isPresent()) {
            return OptionalInt.empty();
        }
        GccReporter gcc = new GccReporter();
        loaded.diagnostics().forEach(d -> err.println(gcc.format(d)));
        long errors = loaded.diagnostics().stream().filter(Diagnostic::stopsServe).count();
        err.println("wsproxy: " + gcc.relative(configFile) + ": " + errors + " error(s); " + consequence);
        err.flush();
        return OptionalInt.of(ConfigLoader.unreadable(configFile).isPresent() ? ExitCodes.UNREADABLE : ExitCodes.FAILED);
    }
}
