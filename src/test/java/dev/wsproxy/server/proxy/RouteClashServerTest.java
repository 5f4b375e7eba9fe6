package dev.wsproxy.server.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wsproxy.config.ConfigLoader;
import dev.wsproxy.config.LoadOptions;
import dev.wsproxy.config.LoadResult;
import dev.wsproxy.config.diag.Code;
import dev.wsproxy.config.diag.Diagnostic;
import dev.wsproxy.server.ListenerPorts;
import dev.wsproxy.server.ServerParts;
import dev.wsproxy.server.WsproxyServer;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Two blocks whose URIs differ only in the trailing slash are one route: lint reports the clash and names the
 * block that wins (the one OLS keeps), and the real server answers from exactly that block.
 */
class RouteClashServerTest {
    /** The winner as the WSP308/WSP309 detail names it: "The context `/docs` at line 8 answers". */
    private static final Pattern WINNER = Pattern.compile("The (?:context|websocket) `([^`]+)` at line (\\d+) answers");

    @TempDir
    Path root;

    /** OLS finds the route the first block made under another spelling only when that block's URI ends in /. */
    @ParameterizedTest
    @CsvSource({"/ws, /ws/, /ws at line 5, A", "/ws/, /ws, /ws at line 8, B"})
    void theWebsocketLintNamesIsTheOneThatTunnels(String first, String second, String winner, String backend)
            throws Exception {
        try (Raw.Backend a = Raw.named("A"); Raw.Backend b = Raw.named("B")) {
            LoadResult loaded = loadTwo("websocket", first, "address 127.0.0.1:" + a.address().getPort(),
                    second, "address 127.0.0.1:" + b.address().getPort());
            assertEquals(winner, reportedWinner(loaded, Code.DUPLICATE_WEBSOCKET));
            try (WsproxyServer server = start(loaded)) {
                InetSocketAddress address = server.listeners().get(0).address();
                for (String uri : List.of("/ws", "/ws/", "/ws/chat")) {
                    assertEquals(backend, Raw.reach(address, uri), uri + " goes to the block lint says wins");
                }
            }
        }
    }

    /** OLS sets contexts up in URI order and rejects the second of a route: /docs wins wherever it is written. */
    @ParameterizedTest
    @CsvSource({"/docs/, /docs, /docs at line 8, second", "/docs, /docs/, /docs at line 5, first"})
    void theContextLintNamesIsTheOneThatServes(String first, String second, String winner, String served)
            throws Exception {
        for (String name : List.of("first", "second")) {
            Files.createDirectories(root.resolve(name));
            Files.writeString(root.resolve(name + "/page.html"), "from the " + name + " context");
        }
        LoadResult loaded = loadTwo("context", first, "location " + root.resolve("first") + "/",
                second, "location " + root.resolve("second") + "/");
        assertEquals(winner, reportedWinner(loaded, Code.DUPLICATE_CONTEXT));
        try (WsproxyServer server = start(loaded)) {
            String reply = get(server.listeners().get(0).address(), "/docs/page.html");
            assertTrue(reply.startsWith("HTTP/1.1 200 ") && reply.endsWith("from the " + served + " context"), reply);
        }
    }

    /** A config whose one vhost holds two {@code kind} blocks of one line each, at lines 5 and 8. */
    private LoadResult loadTwo(String kind, String firstUri, String firstLine, String secondUri, String secondLine)
            throws Exception {
        Path conf = Files.createDirectories(root.resolve("conf"));
        Files.createDirectories(root.resolve("site/html"));
        Files.writeString(conf.resolve("mime.properties"), "html = text/html\n");
        Files.writeString(conf.resolve("httpd_config.conf"), """
                mime conf/mime.properties
                virtualhost site {
                  vhRoot %s/
                  docRoot $VH_ROOT/html/
                  %s %s {
                    %s
                  }
                  %s %s {
                    %s
                  }
                }
                listener http {
                  address 127.0.0.1:8080
                  map site *
                }
                """.formatted(root.resolve("site"), kind, firstUri, firstLine, kind, secondUri, secondLine));
        LoadResult loaded = ConfigLoader.load(conf.resolve("httpd_config.conf"), LoadOptions.defaults());
        assertFalse(loaded.hasErrors(), loaded.diagnostics().toString());
        return loaded;
    }

    /** The one {@code code} report, at the second block and naming the first; returns the winner it names. */
    private static String reportedWinner(LoadResult loaded, Code code) {
        List<Diagnostic> found = loaded.diagnostics().stream().filter(d -> d.code() == code).toList();
        assertEquals(1, found.size(), loaded.diagnostics().toString());
        Diagnostic clash = found.get(0);
        assertEquals(List.of(8, 5), List.of(clash.span().line(), clash.related().get(0).span().line()), clash.toString());
        Matcher matcher = WINNER.matcher(clash.detail());
        assertTrue(matcher.find(), clash.detail());
        return matcher.group(1) + " at line " + matcher.group(2);
    }

    private static WsproxyServer start(LoadResult loaded) throws Exception {
        return WsproxyServer.start(loaded.config().orElseThrow(), new ServerParts(new WebSocketRouting(),
                Optional.empty()), ListenerPorts.EPHEMERAL, System.err);
    }

    private static String get(InetSocketAddress address, String uri) throws Exception {
        try (Socket socket = Raw.connect(address)) {
            Raw.send(socket, "GET " + uri + " HTTP/1.1\r\nHost: site.test\r\nConnection: close\r\n\r\n");
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
