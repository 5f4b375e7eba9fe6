package dev.wsproxy.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.wsproxy.config.diag.Code;
import dev.wsproxy.config.lint.report.GccReporter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Config goldens: each case's model as JSON and its diagnostics as gcc text, checked in under
 * {@code src/test/resources/config/<case>/}. The OLS sample configs ({@code ../shared/ols-samples}) are read
 * without filesystem checks, since their vhost roots are not shipped.
 */
class ModelGoldenTest {
    private static final Path GOLDEN = Path.of("src/test/resources/config");
    private static final Path SHARED = Path.of("..", "shared").toAbsolutePath().normalize();

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "ols-samples, ols-samples, conf/httpd_config.conf.in, false",
            "ols-samples-admin, ols-samples, admin/conf/admin_config.conf.in, false",
            "ols-samples-admin-ssl, ols-samples, admin/conf/admin_config_ssl.conf.in, false",
            "conf-samples, ., conf-samples/conf/httpd_config.conf, true"})
    void modelAndDiagnosticsMatchTheGoldens(String name, String where, String configPath, boolean checkFs)
            throws IOException {
        Path base = where.equals(".") ? Path.of("").toAbsolutePath() : SHARED.resolve(where);
        Path config = base.resolve(configPath);
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

    @org.junit.jupiter.api.Test
    void installerPlaceholdersInTheOlsSamplesAreWarnings() {
        LoadResult result = ConfigLoader.load(SHARED.resolve("ols-samples/conf/httpd_config.conf.in"),
                new LoadOptions(Optional.empty(), false));
        List<String> placeholders = result.diagnostics().stream().filter(d -> d.code() == Code.PLACEHOLDER)
                .map(d -> d.summary().substring(1, d.summary().indexOf('`', 1))).distinct().toList();
        assertEquals(List.of("%USER%", "%GROUP%", "%DEFAULT_TMP_DIR%", "%ADMIN_EMAIL%", "%RUBY_BIN%", "%HTTP_PORT%"),
                placeholders);
    }
}
