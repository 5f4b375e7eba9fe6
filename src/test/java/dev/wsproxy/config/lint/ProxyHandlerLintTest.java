package dev.wsproxy.config.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.wsproxy.config.ConfigLoader;
import dev.wsproxy.config.LoadOptions;
import dev.wsproxy.config.LoadResult;
import dev.wsproxy.config.diag.Code;
import dev.wsproxy.config.diag.Diagnostic;
import dev.wsproxy.config.model.Context;
import dev.wsproxy.config.model.VirtualHost;
import dev.wsproxy.config.schema.Scope;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A proxy context's handler is looked up as the binder looks it up (the vhost's extprocessors first, then the
 * server's, {@code $VH_NAME} expanded per template member): one that names nothing is WSP307, one of another type
 * WSP210, and the binder leaves either context out.
 */
class ProxyHandlerLintTest {
    @TempDir
    Path root;

    private LoadResult load(String server) throws IOException {
        Files.createDirectories(root.resolve("conf/templates"));
        Files.createDirectories(root.resolve("site/html"));
        Files.writeString(root.resolve("conf/mime.properties"), "html = text/html\n");
        Files.writeString(root.resolve("conf/templates/t.conf"), """
                virtualHostConfig {
                  docRoot $VH_ROOT/html/
                  context /api/ {
                    type proxy
                    handler $VH_NAME_app
                  }
                }
                """);
        Path file = root.resolve("conf/httpd_config.conf");
        Files.writeString(file, "mime conf/mime.properties\n" + server);
        return ConfigLoader.load(file, LoadOptions.defaults());
    }

    private static List<String> problems(LoadResult result, Code code) {
        return result.diagnostics().stream().filter(d -> d.code() == code)
                .map(d -> d.span().line() + ":" + d.span().column() + " " + d.summary()).toList();
    }

    private static List<String> contexts(LoadResult result, String vhost) {
        VirtualHost host = result.config().orElseThrow().virtualHosts().stream()
                .filter(v -> v.name().equals(vhost)).findFirst().orElseThrow();
        return host.contexts().stream().map(c -> c.uri().text() + " " + c.getClass().getSimpleName()).toList();
    }

    @Test
    void aHandlerOfAnotherTypeIsReportedAtItsValueAndItsContextLeftOut() throws IOException {
        LoadResult result = load("""
                extprocessor app {
                  type fcgi
                  address 127.0.0.1:9000
                }
                virtualhost site {
                  vhRoot site/
                  docRoot $VH_ROOT/html/
                  context /api/ {
                    type proxy
                    handler app
                  }
                }
                """);
        assertEquals(List.of("11:13 extprocessor `app` has type `fcgi`, not proxy"), problems(result, Code.BAD_VALUE));
        assertEquals(List.of("/ Static"), contexts(result, "site"));
    }

    @Test
    void templateMembersLookUpTheirOwnHandler() throws IOException {
        LoadResult result = load("""
                extprocessor alpha_app {
                  type proxy
                  address 127.0.0.1:9000
                }
                vhTemplate t {
                  templateFile conf/templates/t.conf
                  member alpha {
                    vhRoot site/
                  }
                  member beta {
                    vhRoot site/
                  }
                }
                """);
        assertEquals(List.of("5:13 no extprocessor named `beta_app`"), problems(result, Code.UNKNOWN_HANDLER));
        assertEquals(List.of("/ Static", "/api/ Proxy"), contexts(result, "alpha"));
        assertEquals(List.of("/ Static"), contexts(result, "beta"));
    }

    @Test
    void aLoneVhostFileDoesNotKnowTheServersExtprocessors() throws IOException {
        Path vhost = root.resolve("vhconf.conf");
        Files.writeString(vhost, """
                docRoot $VH_ROOT/html/
                context /api/ {
                  type proxy
                  handler app
                }
                """);
        List<Diagnostic> found = ConfigLoader.lintFile(vhost, Scope.VHOST_CONFIG, LoadOptions.defaults()).diagnostics();
        assertEquals(List.of(), found.stream().filter(d -> d.code() == Code.UNKNOWN_HANDLER).toList());
    }
}
