package dev.wsproxy.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.wsproxy.config.diag.Code;
import dev.wsproxy.config.diag.Diagnostic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Loading a server whose vhost configs are parsed ahead on several threads: each file's syntax errors are
 * reported in the order the vhosts are declared, and a file two vhosts share is reported for each of them.
 */
class ReadAheadLoadTest {
    private static final int VHOSTS = 60;

    @TempDir
    Path root;

    @Test
    void syntaxErrorsOfVhostFilesFollowTheDeclarationOrder() throws IOException {
        StringBuilder server = new StringBuilder();
        List<String> expected = new ArrayList<>();
        // declared from the last to the first, so neither file names nor creation order give the expected order
        for (int i = VHOSTS - 1; i >= 0; i--) {
            String name = "site" + i;
            Path file = root.resolve("conf/vhosts/" + name + "/vhconf.conf");
            Files.createDirectories(file.getParent());
            Files.createDirectories(root.resolve(name + "/html"));
            int extraCloseLine = 2 + i % 7;
            Files.writeString(file, "docRoot $VH_ROOT/html/\n" + "enableGzip 1\n".repeat(extraCloseLine - 2) + "}\n");
            server.append("virtualhost ").append(name).append(" {\n  vhRoot ").append(name)
                    .append("/\n  configFile conf/vhosts/").append(name).append("/vhconf.conf\n}\n");
            expected.add(file + ":" + extraCloseLine);
        }
        // a second vhost reading site7's file reports its error again, after the others
        server.append("virtualhost again {\n  vhRoot site7/\n  configFile conf/vhosts/site7/vhconf.conf\n}\n");
        expected.add(root.resolve("conf/vhosts/site7/vhconf.conf") + ":" + (2 + 7 % 7));
        Path config = root.resolve("conf/httpd_config.conf");
        Files.writeString(config, server.toString());

        List<String> reported = ConfigLoader.load(config, LoadOptions.defaults()).diagnostics().stream()
                .filter(d -> d.code() == Code.EXTRA_CLOSE)
                .map(Diagnostic::span)
                .map(span -> span.file() + ":" + span.line())
                .toList();

        assertEquals(expected, reported);
    }
}
