package dev.wsproxy.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.wsproxy.config.diag.Code;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Config goldens of the configs OLS ships ({@link Corpus}, {@code ols-samples/}), read without filesystem
 * checks, since their vhost roots are not shipped.
 */
@Tag("corpus")
class OlsSamplesGoldenTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "ols-samples, conf/httpd_config.conf.in",
            "ols-samples-admin, admin/conf/admin_config.conf.in",
            "ols-samples-admin-ssl, admin/conf/admin_config_ssl.conf.in"})
    void modelAndDiagnosticsMatchTheGoldens(String name, String configPath) throws IOException {
        ModelGoldenTest.checkGoldens(name, Corpus.folder("ols-samples").resolve(configPath), false);
    }

    @Test
    void installerPlaceholdersInTheOlsSamplesAreWarnings() {
        LoadResult result = ConfigLoader.load(Corpus.folder("ols-samples").resolve("conf/httpd_config.conf.in"),
                new LoadOptions(Optional.empty(), false));
        List<String> placeholders = result.diagnostics().stream().filter(d -> d.code() == Code.PLACEHOLDER)
                .map(d -> d.summary().substring(1, d.summary().indexOf('`', 1))).distinct().toList();
        assertEquals(List.of("%USER%", "%GROUP%", "%DEFAULT_TMP_DIR%", "%ADMIN_EMAIL%", "%RUBY_BIN%", "%HTTP_PORT%"),
                placeholders);
    }
}
