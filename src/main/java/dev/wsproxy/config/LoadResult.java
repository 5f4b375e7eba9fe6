package dev.wsproxy.config;

import dev.wsproxy.config.diag.Diagnostic;
import dev.wsproxy.config.model.ServerConfig;
import java.util.List;
import java.util.Optional;

/**
 * A loaded config: the model whenever it could be built (best effort, even with errors) and every
 * diagnostic found on the way. {@code lint} fails when {@link #hasErrors()}; {@code serve} refuses to start
 * when {@link #stopsServe()}.
 */
public record LoadResult(Optional<ServerConfig> config, List<Diagnostic> diagnostics) {

    public LoadResult {
        diagnostics = List.copyOf(diagnostics);
    }

    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }

    /** Whether an error keeps {@code serve} from starting (see {@link Diagnostic#stopsServe()}). */
    public boolean stopsServe() {
        return diagnostics.stream().anyMatch(Diagnostic::stopsServe);
    }
}
