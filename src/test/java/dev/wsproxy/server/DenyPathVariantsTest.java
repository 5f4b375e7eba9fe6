package dev.wsproxy.server;

import static dev.wsproxy.server.Sites.files;
import static dev.wsproxy.server.Sites.listener;
import static dev.wsproxy.server.Sites.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wsproxy.config.model.AccessControl;
import dev.wsproxy.config.model.AclEntry;
import dev.wsproxy.config.model.ExpiresSettings;
import dev.wsproxy.config.model.Tuning;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A file hidden by a deny context stays hidden however its path is spelt: {@code exp:\.(env|bak)$} with
 * {@code allowBrowse 0} (how operators hide files) and a context whose accessControl denies everyone, asked for
 * with every traversal and encoding trick of {@link PathSafetyTest}, a trailing slash, {@code ;} parameters and
 * other letter case, sent as raw request lines. A regular file asked for as a directory is 404, as in nginx.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DenyPathVariantsTest {

    private static final String SECRET = "TOP-SECRET";
    private static final Set<Integer> REFUSALS = Set.of(400, 403, 404);

    private RunningServer server;

    @BeforeAll
    void start(@TempDir Path root) throws Exception {
        Path html = Files.createDirectories(root.resolve("site/html"));
        Files.writeString(html.resolve("index.html"), "home");
        Files.writeString(html.resolve("file.txt"), "public");
        Files.writeString(html.resolve(".env"), SECRET);
        Files.writeString(html.resolve("config.bak"), SECRET);
        Files.createDirectories(html.resolve("sub"));
        Files.writeString(html.resolve("sub/.env"), SECRET);
        Files.createDirectories(html.resolve("private"));
        Files.writeString(html.resolve("private/secret.txt"), SECRET);
        Path pub = Files.createDirectories(root.resolve("pub"));
        Files.writeString(pub.resolve("file.txt"), "public");
        AccessControl denyAll = new AccessControl(List.of(), List.of(new AclEntry.Any("ALL")));
        var vhost = Sites.vhost("site", root.resolve("site"),
                files("exp:\\.(env|bak)$", html, false, false, ExpiresSettings.DISABLED, Optional.empty()),
                files("/private/", html.resolve("private"), true, false, ExpiresSettings.DISABLED,
                        Optional.of(denyAll)),
                files("/pub/", pub), files("/", html));
        server = RunningServer.start(Sites.server(root, List.of(listener("main", "127.0.0.1", map("*", "site"))),
                List.of(vhost), new Tuning(2048, 4096, 5, 30, 1000), AccessControl.ALLOW_ALL));
    }

    @AfterAll
    void stop() {
        server.close();
    }

    static Stream<String> hiddenFileSpellings() {
        return Stream.of("/.env", "/sub/.env", "/config.bak", "/private/secret.txt")
                .flatMap(target -> spellings(target).stream());
    }

    /** {@code target} as PathSafetyTest's traversal list spells paths, with a trailing slash, params and case. */
    private static List<String> spellings(String target) {
        int slash = target.lastIndexOf('/');
        String dir = target.substring(0, slash + 1);
        String name = target.substring(slash + 1);
        String rest = target.substring(1);
        return List.of(target, target + "/", target + "/.", target + "//", target + ";x", target + ";x/",
                target + "/;x", dir + ";x/" + name, target.toUpperCase(Locale.ROOT),
                dir + name.substring(0, 2).toUpperCase(Locale.ROOT) + name.substring(2),
                "/sub/../" + rest, "/./" + rest, "/" + target, "/pub/../" + rest, "/%2e/" + rest,
                "/%2e%2e/" + rest, "/sub%2f..%2f" + rest, "/sub/..%5c" + rest, "/sub\\..\\" + rest,
                target + "%00", target + "%00.txt", target + "%2f", target + "%5c", target + "%20", target + ".",
                dir + percentEncoded(name), target + "?x=1", target + "/?x=1");
    }

    private static String percentEncoded(String text) {
        StringBuilder out = new StringBuilder();
        text.chars().forEach(c -> out.append('%').append(String.format("%02x", c)));
        return out.toString();
    }

    @ParameterizedTest
    @MethodSource("hiddenFileSpellings")
    void aHiddenFileIsNeverServed(String target) throws Exception {
        String reply = server.raw("GET " + target + " HTTP/1.1", "Host: x");
        assertTrue(REFUSALS.contains(RunningServer.status(reply)), target + " answered " + reply);
        assertFalse(reply.contains(SECRET), reply);
    }

    @Test
    void theDenyRulesThemselvesAnswer403() throws Exception {
        for (String target : List.of("/.env", "/sub/.env", "/config.bak", "/private/secret.txt", "/.env;x",
                "/sub/../.env", "/private/./secret.txt")) {
            assertEquals(403, RunningServer.status(server.raw("GET " + target + " HTTP/1.1", "Host: x")), target);
        }
    }

    @Test
    void aFileAskedForAsADirectoryIs404() throws Exception {
        assertEquals(404, RunningServer.status(server.raw("GET /.env/ HTTP/1.1", "Host: x")));
        assertEquals(404, RunningServer.status(server.raw("GET /file.txt/ HTTP/1.1", "Host: x")));
        assertEquals(404, RunningServer.status(server.raw("GET /pub/file.txt/ HTTP/1.1", "Host: x")));
        String file = server.raw("GET /file.txt HTTP/1.1", "Host: x");
        assertEquals(200, RunningServer.status(file), "the file itself still serves");
        assertTrue(file.endsWith("public"));
        assertEquals(200, RunningServer.status(server.raw("GET /sub/../ HTTP/1.1", "Host: x")),
                "a directory still serves");
    }
}
