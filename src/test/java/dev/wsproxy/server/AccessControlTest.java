package dev.wsproxy.server;

import static dev.wsproxy.server.Sites.listener;
import static dev.wsproxy.server.Sites.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.wsproxy.config.model.AccessControl;
import dev.wsproxy.config.model.AclEntry;
import dev.wsproxy.config.model.ExpiresSettings;
import dev.wsproxy.config.model.SymlinkPolicy;
import dev.wsproxy.config.model.Tuning;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** accessControl at server, vhost and context level, from real clients on 127.0.0.1 and ::1. */
class AccessControlTest {

    private static final AclEntry ALL = new AclEntry.Any("ALL");

    @TempDir
    Path root;
    private Path html;

    @BeforeEach
    void tree() throws Exception {
        html = Files.createDirectories(root.resolve("site/html"));
        Files.writeString(html.resolve("index.html"), "home");
        Files.createDirectories(html.resolve("admin"));
        Files.writeString(html.resolve("admin/index.html"), "admin");
    }

    private static AclEntry net(String address, int prefix) throws Exception {
        return new AclEntry.Network(address, InetAddress.getByName(address), prefix, false);
    }

    private RunningServer start(String bind, AccessControl server, AccessControl vhost, AccessControl admin) throws Exception {
        var contexts = List.<dev.wsproxy.config.model.Context>of(Sites.files("/", html),
                Sites.files("/admin/", html.resolve("admin"), true, false, ExpiresSettings.DISABLED, Optional.of(admin)));
        var site = Sites.vhost("site", root.resolve("site"), SymlinkPolicy.OLS_DEFAULT, vhost, Map.of(), contexts);
        return RunningServer.start(Sites.server(root, List.of(listener("main", bind, map("*", "site"))), List.of(site),
                Tuning.OLS_DEFAULT, server));
    }

    @Test
    void serverLevelDenyStopsEveryRequest() throws Exception {
        try (RunningServer server = start("127.0.0.1", new AccessControl(List.of(), List.of(net("127.0.0.0", 8))),
                AccessControl.ALLOW_ALL, AccessControl.ALLOW_ALL)) {
            assertEquals(403, server.get("/").statusCode());
        }
    }

    @Test
    void vhostLevelAllowOfAMoreSpecificNetworkBeatsDenyAll() throws Exception {
        try (RunningServer server = start("127.0.0.1", AccessControl.ALLOW_ALL,
                new AccessControl(List.of(net("127.0.0.1", 32)), List.of(ALL)), AccessControl.ALLOW_ALL)) {
            assertEquals(200, server.get("/").statusCode());
        }
        try (RunningServer server = start("127.0.0.1", AccessControl.ALLOW_ALL,
                new AccessControl(List.of(net("10.0.0.0", 8)), List.of(ALL)), AccessControl.ALLOW_ALL)) {
            assertEquals(403, server.get("/").statusCode());
        }
    }

    @Test
    void contextLevelAppliesOnlyBelowItsUri() throws Exception {
        try (RunningServer server = start("127.0.0.1", AccessControl.ALLOW_ALL, AccessControl.ALLOW_ALL,
                new AccessControl(List.of(), List.of(ALL)))) {
            assertEquals(200, server.get("/").statusCode());
            assertEquals(403, server.get("/admin/").statusCode());
            assertEquals(403, server.get("/admin/index.html").statusCode());
        }
    }

    @Test
    void everyDenialWritesWhichBlockDeniedToTheErrorLog() throws Exception {
        AccessControl denyAll = new AccessControl(List.of(), List.of(ALL));
        try (RunningServer server = start("127.0.0.1", denyAll, AccessControl.ALLOW_ALL, AccessControl.ALLOW_ALL)) {
            assertEquals(403, server.get("/").statusCode());
        }
        try (RunningServer server = start("127.0.0.1", AccessControl.ALLOW_ALL, denyAll, AccessControl.ALLOW_ALL)) {
            assertEquals(403, server.get("/").statusCode());
        }
        try (RunningServer server = start("127.0.0.1", AccessControl.ALLOW_ALL, AccessControl.ALLOW_ALL, denyAll)) {
            assertEquals(403, server.get("/admin/").statusCode());
        }
        String log = Files.readString(root.resolve("logs/error.log"));
        assertTrue(log.contains("[INFO] [127.0.0.1] 403 GET /: the accessControl of the server denies this client"), log);
        assertTrue(log.contains("[INFO] [127.0.0.1] 403 GET /: the accessControl of virtual host `site` denies this client"),
                log);
        assertTrue(log.contains("[INFO] [127.0.0.1] 403 GET /admin/: the accessControl of context `/admin/` denies this"
                + " client"), log);
    }

    @Test
    void ipv6ClientsMatchIpv6Entries() throws Exception {
        assumeTrue(hasIpv6Loopback(), "this machine has no ::1");
        try (RunningServer server = start("::1", AccessControl.ALLOW_ALL,
                new AccessControl(List.of(net("::1", 128)), List.of(ALL)), new AccessControl(List.of(), List.of(net("::", 0))))) {
            assertEquals(200, server.get("/").statusCode());
            assertEquals(403, server.get("/admin/").statusCode());
        }
    }

    static boolean hasIpv6Loopback() {
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress("::1", 0));
            return true;
        } catch (Exception e) {
            return false;
        }
    }
}
