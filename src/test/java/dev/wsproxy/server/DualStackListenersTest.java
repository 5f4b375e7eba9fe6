package dev.wsproxy.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wsproxy.config.ConfigLoader;
import dev.wsproxy.config.LoadOptions;
import dev.wsproxy.config.LoadResult;
import dev.wsproxy.config.diag.Diagnostic;
import dev.wsproxy.config.diag.Severity;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The IPv6 layout OLS users write, {@code *:P} beside {@code [ANY]:P}: it lints clean, both listeners bind, IPv4
 * clients reach the {@code *:P} one and IPv6 clients the {@code [ANY]:P} one, with {@code reusePort} on or off.
 */
class DualStackListenersTest {

    @TempDir
    Path root;

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void ipv4AndIpv6WildcardsShareAPortWithReusePort() throws Exception {
        servesEachFamilyFromItsOwnListener("");
    }

    @Test
    void withoutReusePortTheIpv6WildcardFallsBackToIpv6Only() throws Exception {
        servesEachFamilyFromItsOwnListener("  reusePort 0\n");
    }

    @Test
    void anIpv6ListenerWrittenFirstStillLetsTheIpv4OneBind() throws Exception {
        int port = freeDualStackPort();
        Path config = configTree(listener("six", "[ANY]:" + port, "  reusePort 0\n", "sixsite")
                + listener("four", "*:" + port, "  reusePort 0\n", "foursite"));
        try (WsproxyServer server = start(config)) {
            assertEquals("IPv4 site", get("127.0.0.1", port));
            assertEquals("IPv6 site", get("[::1]", port));
        }
    }

    private void servesEachFamilyFromItsOwnListener(String listenerLines) throws Exception {
        int port = freeDualStackPort();
        Path config = configTree(listener("four", "*:" + port, listenerLines, "foursite")
                + listener("six", "[ANY]:" + port, listenerLines, "sixsite"));
        try (WsproxyServer server = start(config)) {
            assertEquals(InetAddress.getByName("0.0.0.0"), server.address("four").getAddress());
            assertEquals(InetAddress.getByName("::"), server.address("six").getAddress());
            assertEquals("IPv4 site", get("127.0.0.1", port));
            assertEquals("IPv6 site", get("[::1]", port));
        }
    }

    private static WsproxyServer start(Path config) throws StartupException {
        LoadResult loaded = ConfigLoader.load(config, LoadOptions.defaults());
        List<Diagnostic> notClean = loaded.diagnostics().stream().filter(d -> d.severity() != Severity.INFO).toList();
        assertEquals(List.of(), notClean, "lints clean");
        return WsproxyServer.start(loaded.config().orElseThrow(), ServerParts.PLAIN, ListenerPorts.CONFIGURED, System.err);
    }

    private String get(String host, int port) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create("http://" + host + ":" + port + "/"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), host);
        return response.body();
    }

    /** A port free for IPv4 and IPv6 both, picked by the system. */
    private static int freeDualStackPort() throws IOException {
        try (ServerSocketChannel probe = ServerSocketChannel.open(StandardProtocolFamily.INET6)) {
            probe.bind(new InetSocketAddress(InetAddress.getByName("::"), 0));
            return ((InetSocketAddress) probe.getLocalAddress()).getPort();
        }
    }

    private static String listener(String name, String address, String extraLines, String vhost) {
        return "listener " + name + " {\n  address " + address + "\n" + extraLines + "  map " + vhost + " *\n}\n";
    }

    private Path configTree(String listeners) throws IOException {
        Files.createDirectories(root.resolve("conf"));
        Files.writeString(root.resolve("conf/mime.properties"), "html = text/html\n");
        for (String[] site : List.of(new String[] {"foursite", "IPv4 site"}, new String[] {"sixsite", "IPv6 site"})) {
            Files.createDirectories(root.resolve(site[0] + "/html"));
            Files.writeString(root.resolve(site[0] + "/html/index.html"), site[1]);
        }
        Path config = root.resolve("conf/httpd_config.conf");
        Files.writeString(config, "mime conf/mime.properties\n"
                + "errorlog logs/error.log {\n  logLevel INFO\n}\n"
                + "accesslog logs/access.log {\n}\n"
                + "virtualhost foursite {\n  vhRoot foursite/\n  docRoot $VH_ROOT/html/\n}\n"
                + "virtualhost sixsite {\n  vhRoot sixsite/\n  docRoot $VH_ROOT/html/\n}\n"
                + listeners);
        return config;
    }
}
