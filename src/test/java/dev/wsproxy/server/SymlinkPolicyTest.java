package dev.wsproxy.server;

import static dev.wsproxy.server.Sites.files;
import static dev.wsproxy.server.Sites.listener;
import static dev.wsproxy.server.Sites.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.wsproxy.config.model.AccessControl;
import dev.wsproxy.config.model.SymlinkPolicy;
import dev.wsproxy.config.model.SymlinkPolicy.Follow;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.UserPrincipal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Symbolic links are followed only as the vhost's allowSymbolLink / restrained settings allow (OLS checkSymLink). */
class SymlinkPolicyTest {

    @TempDir
    Path root;
    private Path html;

    @BeforeEach
    void tree() throws Exception {
        html = Files.createDirectories(root.resolve("site/html"));
        Files.writeString(html.resolve("real.txt"), "real");
        Files.createDirectories(root.resolve("site/data"));
        Files.writeString(root.resolve("site/data/inside.txt"), "inside vhroot");
        Files.writeString(root.resolve("outside.txt"), "outside vhroot");
        Files.createSymbolicLink(html.resolve("same.txt"), html.resolve("real.txt"));
        Files.createSymbolicLink(html.resolve("inside.txt"), root.resolve("site/data/inside.txt"));
        Files.createSymbolicLink(html.resolve("outside.txt"), root.resolve("outside.txt"));
        Files.createSymbolicLink(html.resolve("dir"), root.resolve("site/data"));
    }

    private int status(SymlinkPolicy policy, String path) throws Exception {
        var vhost = Sites.vhost("site", root.resolve("site"), policy, AccessControl.ALLOW_ALL, Map.of(),
                List.of(files("/", html)));
        try (RunningServer server = RunningServer.start(Sites.server(root,
                List.of(listener("main", "127.0.0.1", map("*", "site"))), List.of(vhost)))) {
            return server.get(path).statusCode();
        }
    }

    @Test
    void neverRefusesEveryLink() throws Exception {
        SymlinkPolicy never = new SymlinkPolicy(Follow.NEVER, false);
        assertEquals(200, status(never, "/real.txt"));
        assertEquals(403, status(never, "/same.txt"));
        assertEquals(403, status(never, "/dir/inside.txt"), "a linked directory on the way");
    }

    @Test
    void alwaysFollowsEverything() throws Exception {
        SymlinkPolicy always = new SymlinkPolicy(Follow.ALWAYS, false);
        assertEquals(200, status(always, "/same.txt"));
        assertEquals(200, status(always, "/outside.txt"));
        assertEquals(200, status(always, "/dir/inside.txt"));
    }

    @Test
    void restrainedKeepsTargetsInsideTheVhostRoot() throws Exception {
        SymlinkPolicy restrained = new SymlinkPolicy(Follow.ALWAYS, true);
        assertEquals(200, status(restrained, "/inside.txt"));
        assertEquals(200, status(restrained, "/dir/inside.txt"));
        assertEquals(403, status(restrained, "/outside.txt"));
    }

    @Test
    void restrainedServesAContextLocatedOutsideTheVhostRoot() throws Exception {
        Path docs = Files.createDirectories(root.resolve("docs"));
        Files.writeString(docs.resolve("guide.txt"), "guide");
        Files.createSymbolicLink(docs.resolve("alias.txt"), docs.resolve("guide.txt"));
        Files.createSymbolicLink(docs.resolve("escape.txt"), root.resolve("outside.txt"));
        var vhost = Sites.vhost("site", root.resolve("site"), new SymlinkPolicy(Follow.ALWAYS, true),
                AccessControl.ALLOW_ALL, Map.of(), List.of(files("/", html), files("/docs/", docs)));
        try (RunningServer server = RunningServer.start(Sites.server(root,
                List.of(listener("main", "127.0.0.1", map("*", "site"))), List.of(vhost)))) {
            assertEquals("guide", server.get("/docs/guide.txt").body(), "no link: served where the admin put it");
            assertEquals(200, server.get("/docs/alias.txt").statusCode(), "a link that stays in the location");
            assertEquals(403, server.get("/docs/escape.txt").statusCode(), "a link out of both");
        }
        String log = Files.readString(root.resolve("logs/error.log"));
        assertTrue(log.contains("403 GET /docs/escape.txt: restrained 1: " + docs.resolve("escape.txt")
                + " leads through a symbolic link to " + root.resolve("outside.txt").toRealPath()), log);
    }

    @Test
    void ownerMatchFollowsLinksOfTheTargetsOwner() throws Exception {
        SymlinkPolicy owner = new SymlinkPolicy(Follow.IF_OWNER_MATCHES, false);
        assertEquals(200, status(owner, "/same.txt"));
    }

    @Test
    void ownerMatchRefusesALinkOwnedBySomeoneElse() throws Exception {
        Path link = html.resolve("foreign.txt");
        Files.createSymbolicLink(link, html.resolve("real.txt"));
        UserPrincipal nobody;
        try {
            nobody = root.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
            Files.getFileAttributeView(link, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS).setOwner(nobody);
        } catch (Exception e) {
            assumeTrue(false, "changing a link's owner needs root: " + e);
            return;
        }
        assertEquals(403, status(new SymlinkPolicy(Follow.IF_OWNER_MATCHES, false), "/foreign.txt"));
        assertEquals(200, status(new SymlinkPolicy(Follow.ALWAYS, false), "/foreign.txt"));
    }
}
