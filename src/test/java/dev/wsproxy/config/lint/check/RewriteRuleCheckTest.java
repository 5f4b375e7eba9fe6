package dev.wsproxy.config.lint.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.wsproxy.config.diag.Diagnostic;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rewrite lint at the file, line and column of the rule, for rules in the config and in .htaccess files. */
class RewriteRuleCheckTest {

    @TempDir
    Path root;

    private List<String> lint(String serverLines, String vhostLines) throws Exception {
        return OneVhostConfig.lint(root, serverLines, vhostLines).stream()
                .filter(d -> RewriteRuleCheck.CODES.contains(d.code())).map(this::shown).toList();
    }

    private String shown(Diagnostic d) {
        return d.code().id() + "@" + root.relativize(d.span().file()) + ":" + d.span().line() + ":" + d.span().column();
    }

    @Test
    void rulesInTheConfigAreReportedWhereTheyAreWritten() throws Exception {
        // the loose line comes after the rules text, as OLS appends it, so it is lost with the bad rule
        assertEquals(List.of("WSP360@conf/httpd_config.conf:9:1"),
                lint("", "  rewrite {\n    enable 1\n    rules <<<END\nRewriteRule ^/a$ /b [L,Z]\nEND\n"
                        + "    RewriteRule ^/c$ - [R=404]\n  }"));
        assertEquals(List.of("WSP362@conf/httpd_config.conf:8:5"),
                lint("", "  rewrite {\n    enable 1\n    RewriteRule ^/c$ - [R=404]\n  }"));
    }

    @Test
    void htaccessFilesAreLintedWhenTheServerWouldReadThem() throws Exception {
        Files.createDirectories(root.resolve("site/html"));
        Files.writeString(root.resolve("site/html/.htaccess"), "RewriteEngine On\nRewriteRule ^a$ b [QX]\n");
        assertEquals(List.of(), lint("", ""), "without autoLoadHtaccess the file is not read");
        assertEquals(List.of("WSP360@site/html/.htaccess:2:1"), lint("autoLoadHtaccess 1", ""));
    }
}
