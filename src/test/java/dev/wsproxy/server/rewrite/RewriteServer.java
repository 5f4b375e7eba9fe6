package dev.wsproxy.server.rewrite;

import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.wsproxy.config.ConfigLoader;
import dev.wsproxy.config.LoadOptions;
import dev.wsproxy.config.LoadResult;
import dev.wsproxy.server.ListenerPorts;
import dev.wsproxy.server.ServerParts;
import dev.wsproxy.server.WsproxyServer;
import dev.wsproxy.server.proxy.WebSocketRouting;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A real server on an ephemeral loopback port, from a config written into a temporary server root: a vhost
 * {@code site} (docRoot {@code site/html/}) with the given body, and raw HTTP/1.1 requests to it.
 */
final class RewriteServer implements AutoCloseable {

    /** One response: status, head lines and body. */
    record Reply(int status, String head, String body) {
        Optional<String> header(String name) {
            return head.lines().filter(l -> l.toLowerCase(Locale.ROOT).startsWith(name.toLowerCase(Locale.ROOT) + ":"))
                    .map(l -> l.substring(name.length() + 1).strip()).findFirst();
        }

        String location() {
            return header("Location").orElse("");
        }
    }

    final Path root;
    final Path html;
    private final WsproxyServer server;

    private RewriteServer(Path root, WsproxyServer server) {
        this.root = root;
        this.html = root.resolve("site/html");
        this.server = server;
    }

    /** Writes {@code html/<name>} files before the server starts: pairs of name and content. */
    static Path files(Path root, String... nameAndContent) throws IOException {
        Path html = Files.createDirectories(root.resolve("site/html"));
        for (int i = 0; i < nameAndContent.length; i += 2) {
            Path file = html.resolve(nameAndContent[i]);
            Files.createDirectories(file.getParent());
            Files.writeString(file, nameAndContent[i + 1]);
        }
        return html;
    }

    static RewriteServer start(Path root, String serverLines, String vhostBody) throws Exception {
        Files.createDirectories(root.resolve("conf"));
        Files.createDirectories(root.resolve("logs"));
        Files.createDirectories(root.resolve("site/html"));
        Files.writeString(root.resolve("conf/mime.properties"), "html = text/html\ntxt = text/plain\ncss = text/css\n"
                + "php = application/x-httpd-php\n");
        Files.writeString(root.resolve("conf/httpd_config.conf"), "mime conf/mime.properties\n"
                + "errorlog logs/error.log {\n  logLevel DEBUG\n  enableStderrLog 0\n}\n"
                + "accesslog logs/access.log\n" + serverLines + "\n"
                + "virtualhost site {\n  vhRoot site/\n  docRoot $VH_ROOT/html/\n" + vhostBody + "\n}\n"
                + "listener http {\n  address 127.0.0.1:8080\n  map site *\n}\n");
        LoadResult loaded = ConfigLoader.load(root.resolve("conf/httpd_config.conf"), LoadOptions.defaults());
        assertFalse(loaded.diagnostics().stream().anyMatch(d -> d.isError() && !d.code().servedSafely()),
                loaded.diagnostics().toString());
        return new RewriteServer(root, WsproxyServer.start(loaded.config().orElseThrow(),
                new ServerParts(new WebSocketRouting(), Optional.empty()), ListenerPorts.EPHEMERAL, System.err));
    }

    static RewriteServer vhostRules(Path root, String rules) throws Exception {
        return start(root, "", "  rewrite {\n    enable 1\n    rules <<<END\n" + rules + "\nEND\n  }");
    }

    InetSocketAddress address() {
        return server.listeners().get(0).address();
    }

    Reply get(String target, String... headers) throws IOException {
        return request("GET " + target + " HTTP/1.1", headers);
    }

    /** Sends a request line and headers ({@code Host: localhost} unless one is given) and reads the whole reply. */
    Reply request(String requestLine, String... headers) throws IOException {
        List<String> lines = new ArrayList<>(List.of(requestLine));
        if (List.of(headers).stream().noneMatch(h -> h.toLowerCase(Locale.ROOT).startsWith("host:"))) {
            lines.add("Host: localhost");
        }
        lines.addAll(List.of(headers));
        try (Socket socket = new Socket()) {
            socket.connect(address(), 5000);
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write((String.join("\r\n", lines) + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream reply = new ByteArrayOutputStream();
            in.transferTo(reply);
            String text = reply.toString(StandardCharsets.UTF_8);
            int end = text.indexOf("\r\n\r\n");
            return new Reply(Integer.parseInt(text.substring(9, 12)), text.substring(0, end), text.substring(end + 4));
        }
    }

    String errorLog() throws IOException {
        return Files.readString(root.resolve("logs/error.log"));
    }

    @Override
    public void close() {
        server.close();
    }
}
