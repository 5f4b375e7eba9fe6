package dev.wsproxy.server;

import static dev.wsproxy.server.Sites.files;
import static dev.wsproxy.server.Sites.listener;
import static dev.wsproxy.server.Sites.map;
import static dev.wsproxy.server.Sites.vhost;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wsproxy.config.model.VirtualHost;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Host → vhost per listener as OLS maps it, through a real listener and raw requests. */
class HostRoutingTest {

    @TempDir
    Path root;

    private VirtualHost site(String name) throws IOException {
        Path html = Files.createDirectories(root.resolve(name).resolve("html"));
        Files.writeString(html.resolve("index.html"), "site " + name);
        return vhost(name, root.resolve(name), files("/", html));
    }

    private static String body(String reply) {
        return reply.substring(reply.indexOf("\r\n\r\n") + 4);
    }

    @Test
    void exactThenGlobsInOrderThenCatchAll() throws Exception {
        List<VirtualHost> vhosts = List.of(site("exact"), site("glob1"), site("glob2"), site("fallback"));
        var config = Sites.server(root, List.of(listener("main", "127.0.0.1",
                map("a.example.com", "exact"), map("*.example.com", "glob1"), map("b.example.c?m", "glob2"),
                map("*", "fallback"))), vhosts);
        try (RunningServer server = RunningServer.start(config)) {
            assertEquals("site exact", body(server.raw("GET / HTTP/1.1", "Host: a.example.com")));
            assertEquals("site exact", body(server.raw("GET / HTTP/1.1", "Host: WWW.A.Example.COM:8080")));
            assertEquals("site glob1", body(server.raw("GET / HTTP/1.1", "Host: x.y.example.com")));
            assertEquals("site glob1", body(server.raw("GET / HTTP/1.1", "Host: b.example.com")),
                    "the first glob that matches wins");
            assertEquals("site glob2", body(server.raw("GET / HTTP/1.1", "Host: b.example.cxm")));
            assertEquals("site fallback", body(server.raw("GET / HTTP/1.1", "Host: example.com")),
                    "*.example.com does not match example.com");
            assertEquals("site fallback", body(server.raw("GET / HTTP/1.0")), "no Host at all");
        }
    }

    /**
     * RFC 9112: a target in absolute form names the host, and the Host header gives way to it, matched exactly.
     * Undertow already refuses a Host that is not part of the target (400); one that is, it used to route by.
     */
    @Test
    void anAbsoluteFormTargetRoutesByItsOwnHost() throws Exception {
        var config = Sites.server(root, List.of(listener("main", "127.0.0.1", map("evil.test", "evil"),
                map("il.test", "victim"), map("*", "fallback"))), List.of(site("evil"), site("victim"), site("fallback")));
        try (RunningServer server = RunningServer.start(config)) {
            assertEquals("site evil", body(server.raw("GET http://evil.test/ HTTP/1.1", "Host: il.test")));
            assertEquals("site evil", body(server.raw("GET http://evil.test:80/index.html HTTP/1.1", "Host: evil.test")));
            assertEquals("site victim", body(server.raw("GET http://il.test/ HTTP/1.1", "Host: il.test")));
            assertEquals(400, RunningServer.status(server.raw("GET http://il.test/ HTTP/1.1", "Host: evil.test")));
            assertEquals(400, RunningServer.status(server.raw("GET http://user@il.test/ HTTP/1.1", "Host: il.test")));
        }
    }

    @Test
    void noMatchingVhostIs404() throws Exception {
        var config = Sites.server(root, List.of(listener("main", "127.0.0.1",
                map("a.test", "one"), map("b.test", "two"))), List.of(site("one"), site("two")));
        try (RunningServer server = RunningServer.start(config)) {
            assertEquals(200, RunningServer.status(server.raw("GET / HTTP/1.1", "Host: b.test")));
            assertEquals(404, RunningServer.status(server.raw("GET / HTTP/1.1", "Host: c.test")));
        }
    }

    @Test
    void listenerMappingOneVhostServesItForAnyHost() throws Exception {
        var config = Sites.server(root, List.of(listener("main", "127.0.0.1", map("only.test", "only"))),
                List.of(site("only"), site("other")));
        try (RunningServer server = RunningServer.start(config)) {
            assertEquals("site only", body(server.raw("GET / HTTP/1.1", "Host: unrelated.test")));
        }
    }

    @Test
    void eachListenerHasItsOwnMap() throws Exception {
        var config = Sites.server(root, List.of(
                listener("first", "127.0.0.1", map("x.test", "one"), map("*", "two")),
                listener("second", "127.0.0.1", map("x.test", "two"), map("*", "one"))),
                List.of(site("one"), site("two")));
        try (RunningServer server = RunningServer.start(config)) {
            var first = server.server.address("first");
            var second = server.server.address("second");
            assertTrue(first.getPort() != second.getPort());
            assertEquals("site one", body(RunningServer.raw(first, "GET / HTTP/1.1", "Host: x.test")));
            assertEquals("site two", body(RunningServer.raw(second, "GET / HTTP/1.1", "Host: x.test")));
        }
    }

    @Test
    void bracketedIpv6HostKeepsItsColons() throws Exception {
        var config = Sites.server(root, List.of(listener("main", "127.0.0.1",
                map("[::1]", "v6"), map("*", "other"))), List.of(site("v6"), site("other")));
        try (RunningServer server = RunningServer.start(config)) {
            assertEquals("site v6", body(server.raw("GET / HTTP/1.1", "Host: [::1]:8080")));
            assertEquals("site v6", body(server.raw("GET / HTTP/1.1", "Host: [::1]")));
        }
    }
}
