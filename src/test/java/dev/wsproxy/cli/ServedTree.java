package dev.wsproxy.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A small OLS server root on disk: one vhost with static files, logs under logs/, one listener. */
final class ServedTree {

    private ServedTree() {
    }

    /**
     * Writes the tree under {@code root} and returns its {@code conf/httpd_config.conf}.
     *
     * @param listenAddress   the listener's {@code address}, such as {@code 127.0.0.1:8080} or {@code [::1]:8080}
     * @param extraVhostLines lines added inside the vhost block
     */
    static Path write(Path root, String listenAddress, String extraVhostLines) throws IOException {
        Files.createDirectories(root.resolve("conf"));
        Files.createDirectories(root.resolve("site/html/docs"));
        Files.writeString(root.resolve("site/html/index.html"), "served from disk");
        Files.writeString(root.resolve("conf/mime.properties"), "html, htm = text/html\ntxt = text/plain\n");
        Path config = root.resolve("conf/httpd_config.conf");
        Files.writeString(config, String.join("\n", serverLines(),
                "virtualhost site {",
                "  vhRoot site/",
                "  docRoot $VH_ROOT/html/",
                extraVhostLines,
                "}",
                "listener main {",
                "  address " + listenAddress,
                "  map site *",
                "}",
                ""));
        return config;
    }

    /** The server-level lines: its name, {@code conf/mime.properties}, and logs under {@code logs/}. */
    static String serverLines() {
        return String.join("\n", "serverName test", "mime conf/mime.properties", "errorlog logs/error.log {",
                "  logLevel INFO", "}", "accesslog logs/access.log {", "}");
    }
}
