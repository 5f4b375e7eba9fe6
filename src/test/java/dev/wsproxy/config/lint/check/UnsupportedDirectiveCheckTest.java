package dev.wsproxy.config.lint.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wsproxy.config.ConfigLoader;
import dev.wsproxy.config.LoadOptions;
import dev.wsproxy.config.diag.Code;
import dev.wsproxy.config.diag.Diagnostic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** WSP214/WSP215 on real config files: which settings of not-supported directives are reported, and where. */
class UnsupportedDirectiveCheckTest {

    @TempDir
    Path root;

    /** The WSP214/WSP215 findings, as {@code code@line summary}, for a server config with a vhost body. */
    private List<String> lint(String serverLines, String vhostLines) throws IOException {
        return OneVhostConfig.lint(root, serverLines, vhostLines).stream()
                .filter(d -> d.code() == Code.NOT_SUPPORTED || d.code() == Code.NOT_SUPPORTED_EXPOSES)
                .map(UnsupportedDirectiveCheckTest::shown).toList();
    }

    private static String shown(Diagnostic d) {
        return d.code().id() + "@" + d.span().line() + ":" + d.span().column() + " " + d.summary();
    }

    @Test
    void aValueOtherThanOlsDefaultIsAWarningAtItsLine() throws IOException {
        assertEquals(List.of("WSP214@3:3 `maxDynRespSize 100M` is not supported by wsproxy"),
                lint("tuning {\n  maxDynRespSize 100M\n  gzipCompressLevel 9\n}", ""));
    }

    @Test
    void olsDefaultsAndValuesThatMatchWsproxyAreQuiet() throws IOException {
        assertEquals(List.of(), lint("""
                tuning {
                  enableDynGzipCompress 0
                  enableGzipCompress 1
                  maxReqBodySize 2047M
                }
                showVersionNumber 2
                errorlog logs/error.log {
                  rollingSize 10485760
                }
                perClientConnLimit {
                  softLimit 2147483647
                  gracePeriod 15
                }
                """, ""));
    }

    @Test
    void theMessageSaysWhatOlsWouldDoAndWhatWsproxyDoes() throws IOException {
        Files.createDirectories(root.resolve("conf"));
        List<String> found = lint("accesslog logs/access.log {\n  rollingSize 10M\n  logReferer 0\n}", "");
        assertEquals(List.of("WSP214@4:3 `logReferer 0` is not supported by wsproxy"), found);
        Diagnostic d = ConfigLoader.load(root.resolve("conf/httpd_config.conf"), LoadOptions.defaults()).diagnostics()
                .stream().filter(x -> x.code() == Code.NOT_SUPPORTED).findFirst().orElseThrow();
        assertTrue(d.detail().startsWith("OLS would leave the Referer out of the log; wsproxy logs it."),
                d.detail());
    }

    @Test
    void accessDenyDirIsAWarningForEachDirectory() throws IOException {
        assertEquals(List.of("WSP214@3:3 `dir /etc/*` is not supported by wsproxy",
                        "WSP214@4:3 `dir conf/*` is not supported by wsproxy"),
                lint("accessDenyDir {\n  dir /etc/*\n  dir conf/*\n}", ""));
    }

    @Test
    void hotlinkProtectionIsAnErrorOnlyWhenSwitchedOn() throws IOException {
        assertEquals(List.of(), lint("", "  hotlinkCtrl {\n    enableHotlinkCtrl 0\n    suffixes gif, jpg\n  }"));
        assertEquals(List.of("WSP215@7:5 `enableHotlinkCtrl 1` is not supported by wsproxy"),
                lint("", "  hotlinkCtrl {\n    enableHotlinkCtrl 1\n    suffixes gif, jpg\n  }"));
    }

    @Test
    void aModuleIsReportedUnlessItIsSwitchedOff() throws IOException {
        assertEquals(List.of("WSP214@2:1 `module cache` is not supported by wsproxy"),
                lint("module cache {\n  checkPublicCache 1\n}", ""));
        assertEquals(List.of(), lint("module cache {\n  ls_enabled 0\n  checkPublicCache 1\n}", ""));
    }

    @Test
    void rewriteBlocksAreActedOnSoNeverReported() throws IOException {
        assertEquals(List.of(), lint("autoLoadHtaccess 1", "  rewrite {\n    enable 1\n    RewriteRule ^/private - [F]\n  }\n"
                + "  context / {\n    rewrite {\n      RewriteRule ^a$ /b\n    }\n  }"));
    }

    @Test
    void supportedAndNoEffectDirectivesAreNeverReported() throws IOException {
        assertEquals(List.of(), lint("""
                tuning {
                  maxConnections 100
                  sndBufSize 65536
                }
                CGIRLimit {
                  maxCGIInstances 5
                }
                """, "  allowSymbolLink 0\n  setUIDMode 2\n  general {\n    enableContextAC 1\n  }"));
    }
}
