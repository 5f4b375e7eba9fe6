package dev.wsproxy.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.wsproxy.config.diag.Code;
import dev.wsproxy.config.diag.Diagnostic;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** On OLS's shipped sample tree, lint names each setting wsproxy does not support, file by file and line by line. */
@Tag("corpus")
class OlsSamplesSupportTest {
    @Test
    void lintNamesWhatWsproxyDoesNotSupport() {
        Path config = Corpus.folder("ols-samples").resolve("conf/httpd_config.conf.in");
        List<String> found = ConfigLoader.load(config, new LoadOptions(Optional.empty(), false)).diagnostics().stream()
                .filter(d -> d.code() == Code.NOT_SUPPORTED || d.code() == Code.NOT_SUPPORTED_EXPOSES)
                .map(OlsSamplesSupportTest::shown).toList();
        assertEquals(List.of(
                "httpd_config.conf.in:19 WSP214 `adminEmails %ADMIN_EMAIL%`",
                "httpd_config.conf.in:82 WSP214 `dir /`",
                "httpd_config.conf.in:83 WSP214 `dir /etc/*`",
                "httpd_config.conf.in:84 WSP214 `dir /dev/*`",
                "httpd_config.conf.in:85 WSP214 `dir conf/*`",
                "httpd_config.conf.in:86 WSP214 `dir admin/conf/*`",
                "httpd_config.conf.in:237 WSP214 `module cache { ls_enabled 1 }`"), found);
    }

    private static String shown(Diagnostic d) {
        return d.span().file().getFileName() + ":" + d.span().line() + " " + d.code().id() + " "
                + d.summary().substring(0, d.summary().lastIndexOf('`') + 1);
    }
}
