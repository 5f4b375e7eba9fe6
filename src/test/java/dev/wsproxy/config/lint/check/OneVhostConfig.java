package dev.wsproxy.config.lint.check;

import dev.wsproxy.config.ConfigLoader;
import dev.wsproxy.config.LoadOptions;
import dev.wsproxy.config.diag.Diagnostic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A server config with server lines and one vhost {@code site} (docRoot {@code site/html/}), written and linted. */
final class OneVhostConfig {

    private OneVhostConfig() {
    }

    static List<Diagnostic> lint(Path root, String serverLines, String vhostLines) throws IOException {
        Files.createDirectories(root.resolve("conf"));
        Files.createDirectories(root.resolve("site/html"));
        Files.writeString(root.resolve("conf/mime.properties"), "html = text/html\n");
        Path config = root.resolve("conf/httpd_config.conf");
        Files.writeString(config, "mime conf/mime.properties\n" + serverLines + "\nvirtualhost site {\n  vhRoot site/\n"
                + "  docRoot $VH_ROOT/html/\n" + vhostLines + "\n}\nlistener l {\n  address 127.0.0.1:8088\n  map site *\n}\n");
        return ConfigLoader.load(config, LoadOptions.defaults()).diagnostics();
    }
}
