package dev.wsproxy.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.wsproxy.config.lint.report.GccReporter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Config goldens: a case's model as JSON and its diagnostics as gcc text, checked in under
 * {@code src/test/resources/config/<case>/}. The cases of OLS's own sample configs are in
 * {@link OlsSamplesGoldenTest}, which needs the corpus.
 */
class ModelGoldenTest {
    private static final Path GOLDEN = Path.of("src/test/resources/config");

    @Test
    void confSamplesModelAndDiagnosticsMatchTheGoldens() throws IOException {
        checkGoldens("conf-samples", Path.of("conf-samples/conf/httpd_config.conf").toAbsolutePath(), true);
    }

    /** Loads {@code config} and compares its model and diagnostics with the goldens of case {@code name}. */
    static void checkGoldens(String name, Path config, boolean checkFs) throws IOException {
        LoadResult result = ConfigLoader.load(config, new LoadOptions(Optional.empty(), checkFs));
        Path serverRoot = result.config().orElseThrow().serverRoot();
        assertEquals(List.of(), result.diagnostics().stream()
                .filter(d -> d.code().id().startsWith("WSP1")).toList(), "no syntax errors");
        Golden.check(GOLDEN.resolve(name).resolve("model.json"),
                new ModelJson(serverRoot).write(result.config().orElseThrow()));
        GccReporter gcc = new GccReporter(serverRoot);
        Golden.check(GOLDEN.resolve(name).resolve("diagnostics.txt"), result.diagnostics().stream()
                .map(gcc::format).collect(Collectors.joining("\n", "", "\n")));
    }
}
