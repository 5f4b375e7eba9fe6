package dev.wsproxy.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.wsproxy.config.model.ServerConfig;
import dev.wsproxy.server.exchange.UpgradeRouting;
import dev.wsproxy.server.tls.PemTlsContextFactory;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped {@code conf-samples/} config, loaded by the real front end and served on ephemeral ports: the
 * pages the README tells people to open answer as it says (logs go to a temporary directory instead).
 */
class SampleConfigServingTest {

    @TempDir
    Path logs;

    private static String body(String reply) {
        return reply.substring(reply.indexOf("\r\n\r\n") + 4);
    }

    @Test
    void servesTheSampleSites() throws Exception {
        assumeTrue(AccessControlTest.hasIpv6Loopback(), "the sample config has a listener on [::1]");
        ServerConfig sample = Sites.confSamples(logs);
        ServerParts parts = new ServerParts(UpgradeRouting.NONE, Optional.of(new PemTlsContextFactory(Path.of(""))));
        try (WsproxyServer server = WsproxyServer.start(sample, parts, ListenerPorts.EPHEMERAL, System.err)) {
            InetSocketAddress http = server.address("http");
            String chat = RunningServer.raw(http, "GET / HTTP/1.1", "Host: 127.0.0.1");
            assertEquals(200, RunningServer.status(chat));
            assertTrue(body(chat).contains("wsproxy echo"), chat);
            String docs = RunningServer.raw(http, "GET /old/a HTTP/1.1", "Host: docs.localhost");
            assertEquals(301, RunningServer.status(docs));
            assertTrue(docs.contains("Location: /new/a\r\n"), docs);
            String guide = RunningServer.raw(http, "GET /guide/intro.txt HTTP/1.1", "Host: manual.localhost");
            assertEquals("Plain text served by an exp: context.\n", body(guide));
            assertTrue(body(RunningServer.raw(http, "GET / HTTP/1.1", "Host: alpha.localhost")).contains("<h1>alpha</h1>"));
            assertTrue(body(RunningServer.raw(http, "GET / HTTP/1.1", "Host: www.beta.localhost")).contains("<h1>beta</h1>"));
            String missing = RunningServer.raw(http, "GET /nope HTTP/1.1", "Host: chat.localhost");
            assertEquals(404, RunningServer.status(missing));
            assertTrue(body(missing).contains("There is no such page"), "the chat vhost's errorPage");
            String css = RunningServer.raw(http, "GET /static/site.css HTTP/1.1", "Host: chat.localhost");
            assertTrue(css.contains("Cache-Control: max-age=86400"), css);
            assertTrue(css.contains("X-Content-Type-Options: nosniff"), css);
        }
    }
}
