package dev.wsproxy.server;

import static dev.wsproxy.server.Sites.listener;
import static dev.wsproxy.server.Sites.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wsproxy.config.model.Listener;
import dev.wsproxy.config.model.ServerConfig;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link WsproxyServer#reload}: a listener whose address changed is bound anew; one that cannot bind keeps the old config. */
class ReloadTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path root;

    private ServerConfig site(String page, Listener... listeners) throws IOException {
        Path html = Files.createDirectories(root.resolve("site/" + page));
        Files.writeString(html.resolve("index.html"), page);
        return Sites.server(root, List.of(listeners), List.of(Sites.vhost("site", root.resolve("site"),
                Sites.files("/", html))));
    }

    private static String get(InetSocketAddress address) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://" + address.getAddress().getHostAddress() + ":"
                + address.getPort() + "/")).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    @Test
    void aListenerWhoseAddressChangedIsBoundAnewAndTheOldSocketClosed() throws Exception {
        try (WsproxyServer server = WsproxyServer.start(site("one", listener("main", "127.0.0.1", map("*", "site"))),
                ServerParts.PLAIN, ListenerPorts.EPHEMERAL, System.err)) {
            InetSocketAddress before = server.address("main");
            assertEquals("one", get(before));

            ReloadSummary summary = server.reload(site("two", listener("main", "127.0.0.2", map("*", "site"))));

            assertEquals(List.of("main"), summary.listenersRebound());
            InetSocketAddress after = server.address("main");
            assertEquals(InetAddress.getByName("127.0.0.2"), after.getAddress());
            assertEquals("two", get(after));
            assertThrows(ConnectException.class, () -> new Socket(before.getAddress(), before.getPort()).close());
        }
    }

    @Test
    void aListenerThatCannotBindRefusesTheReloadAndTheOldConfigServesOn() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
             WsproxyServer server = WsproxyServer.start(site("one", listener("main", "127.0.0.1", map("*", "site"))),
                     ServerParts.PLAIN, l -> l.name().equals("taken") ? taken.getLocalPort() : 0, System.err)) {
            ServerConfig next = site("two", listener("main", "127.0.0.1", map("*", "site")),
                    listener("taken", "127.0.0.1", map("*", "site")));

            StartupException refused = assertThrows(StartupException.class, () -> server.reload(next));

            assertTrue(refused.getMessage().startsWith("listener taken cannot listen on 127.0.0.1:" + taken.getLocalPort()),
                    refused.getMessage());
            assertEquals("one", get(server.address("main")));
            assertEquals(List.of("main"), server.listeners().stream().map(BoundListener::name).toList());
        }
    }
}
