package dev.wsproxy.config.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wsproxy.config.ConfigLoader;
import dev.wsproxy.config.LoadOptions;
import dev.wsproxy.config.LoadResult;
import dev.wsproxy.config.diag.Code;
import dev.wsproxy.config.diag.Diagnostic;
import dev.wsproxy.config.model.BackendAddress;
import dev.wsproxy.config.model.HostMapping;
import dev.wsproxy.config.model.Listener;
import dev.wsproxy.config.model.ServerConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lint on real configs copied from another machine: {@code --no-fs} reports nothing about files that are
 * not here and still binds what names them, and the OLS rules the fixtures cannot show on their own.
 */
class LintPrecisionTest {
    /** An include, a vhost's configFile and a template's templateFile that are on the machine the config came from. */
    private static final String FILES_ELSEWHERE = """
            ==> conf/httpd_config.conf
            mime conf/mime.properties
            include conf/panel/listeners.conf
            virtualhost site {
              vhRoot site/
              configFile conf/vhosts/site/vhconf.conf
            }
            listener web {
              address 127.0.0.1:8088
              map site site.example
            }
            listener other {
              address 127.0.0.1:8089
            }
            vhTemplate shared {
              templateFile conf/templates/shared.conf
              listeners other
              member tenant {
                vhDomain tenant.example
              }
            }
            """;

    @TempDir
    Path tmp;

    @Test
    void withoutFilesystemChecksFilesElsewhereReportNothingAndStillMap() {
        LoadResult result = load(FILES_ELSEWHERE, false);
        assertEquals(List.of(), result.diagnostics());
        Map<String, List<String>> mapped = result.config().orElseThrow().listeners().stream().collect(Collectors.toMap(
                Listener::name, l -> l.mappings().stream().map(LintPrecisionTest::describe).toList()));
        assertEquals(Map.of("web", List.of("site=site.example"), "other", List.of("tenant=tenant.example")), mapped);
    }

    @Test
    void withFilesystemChecksTheSameFilesAreMissing() {
        List<String> codes = load(FILES_ELSEWHERE, true).diagnostics().stream().map(d -> d.code().id()).toList();
        assertTrue(codes.containsAll(List.of(Code.INCLUDE_MISSING.id(), Code.MISSING_CONFIG_FILE.id(),
                Code.BAD_TEMPLATE.id())), codes.toString());
    }

    @Test
    void templateListenersNamingNoListenerIsReportedWithoutMembersToo() {
        List<Diagnostic> found = load(tree("", """
                vhTemplate t {
                  templateFile conf/t.conf
                  listeners l, gone
                }
                """) + """
                ==> conf/t.conf
                virtualHostConfig {
                  docRoot $VH_ROOT/
                }
                """, true).diagnostics();
        assertEquals(List.of("WSP317 no listener named `gone`"),
                found.stream().map(d -> d.code().id() + " " + d.summary()).toList());
    }

    @Test
    void listenersKeyNamingAListenerWithABadAddressIsNotAlsoUnknown() {
        List<Diagnostic> found = load(tree("", """
                listener broken {
                  address *:99999
                }
                vhTemplate t {
                  templateFile conf/t.conf
                  listeners broken
                }
                ==> conf/t.conf
                virtualHostConfig {
                  docRoot $VH_ROOT/
                }
                """), true).diagnostics();
        assertEquals(List.of(Code.BAD_PORT), found.stream().map(Diagnostic::code).toList());
    }

    @Test
    void udsWithThreeSlashesInAnExtprocessorAddress() {
        List<Diagnostic> found = load(tree("", """
                extprocessor app {
                  type proxy
                  address uds:///tmp/app.sock
                }
                """), true).diagnostics();
        assertEquals(List.of(Code.UDS_TRIPLE_SLASH), found.stream().map(Diagnostic::code).toList());
    }

    @Test
    void proxyAddressWithoutPortConnectsToPort80Or443() {
        ServerConfig config = load(tree("", """
                extprocessor plain {
                  type proxy
                  address app.internal
                }
                extprocessor tls {
                  type proxy
                  address https://app.internal/
                }
                """), true).config().orElseThrow();
        assertEquals(new BackendAddress.Tcp("app.internal", "app.internal", 80),
                config.extProcessors().get("plain").address());
        assertEquals(new BackendAddress.Tcp("https://app.internal/", "app.internal", 443),
                config.extProcessors().get("tls").address());
    }

    @Test
    void acmeInsideVhsslIsAnOlsBlock() {
        List<Diagnostic> found = load(tree("""
                  vhssl {
                    acme {
                      enabled 2
                      api dns_cf
                      env CF_Token="x"
                      env CF_Account_ID="y"
                    }
                  }
                """, ""), false).diagnostics();
        // known keys, none unknown; only the certificate automation wsproxy does not do is reported
        assertEquals(List.of("WSP214 `enabled 2` is not supported by wsproxy"),
                found.stream().map(d -> d.code().id() + " " + d.summary()).toList());
    }

    /** A server with vhost {@code a} (holding {@code inVhost}) on listener {@code l}, then {@code atServerLevel}. */
    private static String tree(String inVhost, String atServerLevel) {
        return """
                ==> conf/httpd_config.conf
                mime conf/mime.properties
                virtualhost a {
                  vhRoot a/
                  docRoot $VH_ROOT/
                """ + inVhost + """
                }
                listener l {
                  address 127.0.0.1:8088
                  map a *
                }
                """ + atServerLevel + "==> a/\n";
    }

    private LoadResult load(String tree, boolean checkFilesystem) {
        Path config = new Fixture("", List.of(), tree).writeTo(tmp);
        return ConfigLoader.load(config, new LoadOptions(Optional.empty(), checkFilesystem));
    }

    private static String describe(HostMapping m) {
        return m.vhostName() + "=" + m.domain();
    }
}
