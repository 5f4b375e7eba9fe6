package dev.wsproxy.config.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.wsproxy.config.bind.ServerBinder;
import dev.wsproxy.config.diag.Diagnostics;
import dev.wsproxy.config.model.ServerConfig;
import dev.wsproxy.config.model.VhostRewrite;
import dev.wsproxy.config.rewrite.RewriteRule;
import dev.wsproxy.config.rewrite.RewriteSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The loader reads the files {@code RewriteFile} lines name, each against its own vhost's roots, and the binder
 * takes their rules from the tree: the files can be gone by the time it binds.
 */
class RewriteFilesTest {
    @TempDir
    Path root;

    @Test
    void rewriteFilesAreReadByTheLoaderAgainstEachVhostsRoots() throws IOException {
        write("conf/httpd_config.conf", """
                virtualhost a {
                  vhRoot a/
                  docRoot $VH_ROOT/html/
                  rewrite {
                    enable 1
                    RewriteFile rules.conf
                  }
                  context /x/ {
                    rewrite {
                      rules <<<END
                RewriteFile $VH_ROOT/context.rules
                END
                    }
                  }
                }
                vhTemplate t {
                  templateFile conf/t.conf
                  member m1 {
                    vhRoot m1/
                  }
                  member m2
                }
                """);
        write("conf/t.conf", """
                vhRoot members/$VH_NAME/
                virtualHostConfig {
                  docRoot $VH_ROOT/html/
                  rewrite {
                    enable 1
                    RewriteFile %s/shared.rules
                  }
                }
                """.formatted(root));
        write("a/html/rules.conf", "RewriteRule ^/one$ /1\nRewriteFile nested.conf\n");
        write("a/html/nested.conf", "RewriteRule ^/two$ /2\n");
        write("a/context.rules", "RewriteRule ^three$ 3\n");
        write("shared.rules", "RewriteFile $DOC_ROOT/own.rules\n");
        write("m1/html/own.rules", "RewriteRule ^/m1$ /first\n");
        write("members/m2/html/own.rules", "RewriteRule ^/m2$ /second\n");

        ConfigTree tree = TreeLoader.server(root.resolve("conf/httpd_config.conf"), root, true);
        try (var files = Files.walk(root)) {
            for (Path rules : files.filter(f -> f.toString().matches(".*\\.(rules|conf)$")
                    && !f.startsWith(root.resolve("conf"))).toList()) {
                Files.delete(rules);
            }
        }
        ServerConfig config = new ServerBinder(tree, new Diagnostics()).bind();

        assertEquals(List.of("^/one$", "^/two$"), patterns(rewrite(config, "a").rules()));
        assertEquals(List.of("^three$"), patterns(rewrite(config, "a").context("/x/").rules()));
        assertEquals(List.of("^/m1$"), patterns(rewrite(config, "m1").rules()));
        assertEquals(List.of("^/m2$"), patterns(rewrite(config, "m2").rules()));
    }

    private void write(String name, String text) throws IOException {
        Path file = root.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private static VhostRewrite rewrite(ServerConfig config, String vhost) {
        return config.virtualHosts().stream().filter(v -> v.name().equals(vhost)).findFirst().orElseThrow().rewrite();
    }

    private static List<String> patterns(RewriteSet set) {
        return set.rules().stream().map(RewriteRule::patternText).toList();
    }
}
