package dev.wsproxy.server.proxy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A small OLS server root on disk for tunnel tests: one vhost with websocket blocks, logs under logs/. */
final class ProxyConfigTree {

    private ProxyConfigTree() {
    }

    /**
     * Writes the tree under {@code root} and returns its {@code conf/httpd_config.conf}.
     *
     * @param listenAddress the listener's {@code address}, such as {@code 127.0.0.1:8080}
     * @param routes        each websocket URI with its backend address, as pairs
     */
    static Path write(Path root, String listenAddress, String... routes) throws IOException {
        Files.createDirectories(root.resolve("conf"));
        Files.createDirectories(root.resolve("site/html"));
        Files.writeString(root.resolve("conf/mime.properties"), "html = text/html\n");
        StringBuilder webSockets = new StringBuilder();
        for (int i = 0; i < routes.length; i += 2) {
            webSockets.append("  websocket ").append(routes[i]).append(" {\n    address ").append(routes[i + 1])
                    .append("\n  }\n");
        }
        Path config = root.resolve("conf/httpd_config.conf");
        Files.writeString(config, String.join("\n",
                "serverName test", "mime conf/mime.properties",
                "errorlog logs/error.log {", "  logLevel INFO", "}",
                "accesslog logs/access.log {", "}",
                "virtualhost site {", "  vhRoot site/", "  docRoot $VH_ROOT/html/", webSockets + "}",
                "listener main {", "  address " + listenAddress, "  map site *", "}", ""));
        return config;
    }
}
