package dev.wsproxy.server.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wsproxy.config.ConfigLoader;
import dev.wsproxy.config.LoadOptions;
import dev.wsproxy.config.LoadResult;
import dev.wsproxy.config.diag.Code;
import dev.wsproxy.config.model.BackendAddress;
import dev.wsproxy.server.ListenerPorts;
import dev.wsproxy.server.ServerParts;
import dev.wsproxy.server.WsproxyServer;
import dev.wsproxy.server.proxy.WebSocketRouting;
import dev.wsproxy.tools.echo.EchoServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HTTP Basic realms end to end: a config and htpasswd/htgroup files on disk, the real server, real HTTP and
 * WebSocket clients, an echo backend and a backend that only counts connections.
 */
class RealmAuthTest {

    /** Users of every stored form OLS accepts, with their passwords; the values come from other tools. */
    private static final Map<String, String[]> USERS = Map.of(
            "alice", new String[] {"$apr1$abcdefgh$73ncRmiuy6qoGYuF29HGL/", "s3cret pw"},
            "bob", new String[] {"$2y$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW:staff,ops", "U*U"},
            "bob2a", new String[] {"$2a$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW", "U*U"},
            "bob2b", new String[] {"$2b$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW", "U*U"},
            "carol", new String[] {"{SHA}r+PQ/OnaVl2XSPhlHUY75Onr1SQ=", "s3cret pw"},
            "dave", new String[] {"$1$abcdefgh$Ezy/7289va/MMoQrtJIRM1", "s3cret pw"},
            "erin", new String[] {"$5$abcdefgh$pp0lvXHqsIYpxnPbRMNj2PZM/.Dmn9EDXLaxA9Vv3z.", "s3cret pw"},
            "frank", new String[] {"$6$abcdefgh$Q79od5S64H3HA7HmwZZM7W.valdH4oN4pIpIosa/h.m73WJc1tuhEJP0/CJLNyKJsvaNSuTjzB8NCG8AEGe6k0",
                    "s3cret pw"},
            "test", new String[] {"kF2EDBE2Ux8sQ", "test123"},
            "paul", new String[] {"plain pw", "plain pw"});

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path root;
    private EchoServer echo;
    private ServerSocket trap;
    private final AtomicInteger trapped = new AtomicInteger();
    private WsproxyServer server;
    private int port;

    @BeforeEach
    void start() throws Exception {
        echo = EchoServer.start(List.of(new BackendAddress.Tcp("127.0.0.1:0", "127.0.0.1", 0)), Set.of(), false);
        trap = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread counter = new Thread(this::countConnections, "trap backend");
        counter.setDaemon(true);
        counter.start();
        Path html = Files.createDirectories(root.resolve("site/html"));
        for (String dir : List.of("members", "named", "staff", "lost", "closed")) {
            Files.createDirectories(html.resolve(dir));
            Files.writeString(html.resolve(dir + "/index.html"), "page of " + dir);
        }
        Files.writeString(html.resolve("401.html"), "please log in");
        Files.createDirectories(root.resolve("conf"));
        Files.writeString(root.resolve("conf/mime.properties"), "html = text/html\n");
        StringBuilder users = new StringBuilder("# users\n");
        USERS.forEach((name, entry) -> users.append(name).append(':').append(entry[0]).append('\n'));
        Files.writeString(root.resolve("conf/htpasswd"), users);
        Files.writeString(root.resolve("conf/htgroup"), "staff: carol, nobody\nops: erin\n");
        Files.writeString(root.resolve("conf/httpd_config.conf"), String.join("\n",
                "serverName test",
                "mime conf/mime.properties",
                "errorlog logs/error.log {",
                "  logLevel INFO",
                "}",
                "virtualhost site {",
                "  vhRoot " + root.resolve("site") + "/",
                "  docRoot $VH_ROOT/html/",
                "  errorPage 401 {",
                "    url /401.html",
                "  }",
                "  realm Members {",
                "    userDB {",
                "      location conf/htpasswd",
                "      expire 0",
                "    }",
                "    groupDB {",
                "      location conf/htgroup",
                "    }",
                "  }",
                "  context /members/ {",
                "    realm Members",
                "    authName Members area",
                "  }",
                "  context /named/ {",
                "    realm Members",
                "    required user alice, carol",
                "  }",
                "  context /staff/ {",
                "    realm Members",
                "    required group staff",
                "  }",
                "  context /lost/ {",
                "    realm Nowhere",
                "  }",
                "  context /closed/ {",
                "    realm Members",
                "    accessControl {",
                "      deny ALL",
                "    }",
                "  }",
                "  websocket /members/live {",
                "    address 127.0.0.1:" + echo.tcpAddresses().get(0).getPort(),
                "  }",
                "  websocket /members/trap {",
                "    address 127.0.0.1:" + trap.getLocalPort(),
                "  }",
                "}",
                "listener http {",
                "  address 127.0.0.1:8080",
                "  map site *",
                "}", ""));
        LoadResult loaded = ConfigLoader.load(root.resolve("conf/httpd_config.conf"), LoadOptions.defaults());
        assertFalse(loaded.hasErrors(), loaded.diagnostics().toString());
        assertTrue(loaded.diagnostics().stream().anyMatch(d -> d.code() == Code.UNKNOWN_REALM), "lint names /lost/");
        server = WsproxyServer.start(loaded.config().orElseThrow(), new ServerParts(new WebSocketRouting(), Optional.empty()),
                ListenerPorts.EPHEMERAL, System.err);
        port = server.listeners().get(0).address().getPort();
    }

    private void countConnections() {
        while (!trap.isClosed()) {
            try (Socket ignored = trap.accept()) {
                trapped.incrementAndGet();
            } catch (IOException closed) {
                return;
            }
        }
    }

    @AfterEach
    void stop() throws IOException {
        server.stop();
        echo.close();
        trap.close();
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> getAs(String path, String user, String password) throws Exception {
        return get(path, "Authorization", basic(user, password));
    }

    private String errorLog() throws IOException {
        return Files.readString(root.resolve("logs/error.log"), StandardCharsets.UTF_8);
    }

    @Test
    void withoutCredentialsTheServerAsksForThem() throws Exception {
        HttpResponse<String> reply = get("/members/");
        assertEquals(401, reply.statusCode());
        assertEquals(Optional.of("Basic realm=\"Members area\""), reply.headers().firstValue("WWW-Authenticate"));
        assertEquals("please log in", reply.body(), "the vhost's errorPage 401");
        assertEquals(Optional.of("Basic realm=\"Members\""),
                get("/named/").headers().firstValue("WWW-Authenticate"), "authName defaults to the realm name");
        assertEquals(401, get("/members/", "Authorization", "Basic not-base64!").statusCode());
        assertEquals(401, get("/members/", "Authorization", "Bearer abc").statusCode());
        assertTrue(errorLog().contains("[INFO] [127.0.0.1] 401 GET /members/: realm `Members` (user file "
                + root.resolve("conf/htpasswd") + "): no Basic credentials"), errorLog());
    }

    @Test
    void everyStoredFormLetsItsUserInWithTheRightPasswordOnly() throws Exception {
        for (Map.Entry<String, String[]> user : USERS.entrySet()) {
            String name = user.getKey();
            String password = user.getValue()[1];
            HttpResponse<String> in = getAs("/members/", name, password);
            assertEquals(200, in.statusCode(), name);
            assertEquals("page of members", in.body(), name);
            assertEquals(401, getAs("/members/", name, password + "!").statusCode(), name + " with a wrong password");
            String stored = user.getValue()[0].split(":")[0];
            if (!stored.equals(password)) {
                assertEquals(401, getAs("/members/", name, stored).statusCode(), name + " sending the stored hash");
            }
        }
        assertEquals(401, getAs("/members/", "mallory", "s3cret pw").statusCode());
        String log = errorLog();
        assertTrue(log.contains("wrong password for user `alice`"), log);
        assertTrue(log.contains("unknown user `mallory`"), log);
        assertFalse(log.contains("s3cret") || log.contains("$apr1$") || log.contains("U*U"), "no password or hash: " + log);
    }

    @Test
    void requiredUserAndGroupAdmitOnlyThoseNamed() throws Exception {
        assertEquals(200, getAs("/named/", "alice", "s3cret pw").statusCode());
        assertEquals(200, getAs("/named/", "carol", "s3cret pw").statusCode());
        assertEquals(401, getAs("/named/", "dave", "s3cret pw").statusCode());
        assertEquals(200, getAs("/staff/", "bob", "U*U").statusCode(), "staff from bob's line in the user file");
        assertEquals(200, getAs("/staff/", "carol", "s3cret pw").statusCode(), "staff from the group file");
        assertEquals(401, getAs("/staff/", "erin", "s3cret pw").statusCode(), "erin is in ops only");
        String log = errorLog();
        assertTrue(log.contains("user `dave` is not one of the users `required user` names"), log);
        assertTrue(log.contains("user `erin` is in none of the groups `required group` names"), log);
    }

    @Test
    void accessControlAndUnknownRealmsDenyWithoutAChallenge() throws Exception {
        HttpResponse<String> closed = getAs("/closed/", "alice", "s3cret pw");
        assertEquals(403, closed.statusCode(), "satisfy all: the accessControl deny wins over good credentials");
        assertTrue(closed.headers().firstValue("WWW-Authenticate").isEmpty());
        HttpResponse<String> lost = getAs("/lost/", "alice", "s3cret pw");
        assertEquals(403, lost.statusCode());
        assertTrue(lost.headers().firstValue("WWW-Authenticate").isEmpty());
        String log = errorLog();
        assertTrue(log.contains("403 GET /closed/: the accessControl of context `/closed/` denies this client"), log);
        assertTrue(log.contains("403 GET /lost/: the context names realm `Nowhere`, which this virtual host does not"
                + " define"), log);
    }

    @Test
    void upgradesNeedTheSameCredentialsBeforeAnyBackendConnection() throws Exception {
        String refused = rawUpgrade("/members/trap", Optional.empty());
        assertTrue(refused.startsWith("HTTP/1.1 401 "), refused);
        assertTrue(refused.contains("WWW-Authenticate: Basic realm=\"Members area\""), refused);
        assertTrue(rawUpgrade("/members/trap", Optional.of(basic("alice", "wrong"))).startsWith("HTTP/1.1 401 "));
        Thread.sleep(200);
        assertEquals(0, trapped.get(), "no backend connection for a refused upgrade");

        URI live = URI.create("ws://127.0.0.1:" + port + "/members/live");
        ExecutionException noCredentials = assertThrows(ExecutionException.class,
                () -> http.newWebSocketBuilder().buildAsync(live, new WebSocket.Listener() { }).get(10, TimeUnit.SECONDS));
        assertEquals(401, ((WebSocketHandshakeException) noCredentials.getCause()).getResponse().statusCode());

        CompletableFuture<String> echoed = new CompletableFuture<>();
        WebSocket socket = http.newWebSocketBuilder().header("Authorization", basic("bob", "U*U"))
                .buildAsync(live, new WebSocket.Listener() {
                    @Override
                    public CompletableFuture<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                        echoed.complete(data.toString());
                        return null;
                    }
                }).get(10, TimeUnit.SECONDS);
        socket.sendText("hello members", true);
        assertEquals("hello members", echoed.get(10, TimeUnit.SECONDS));
        socket.sendClose(1000, "").join();

        rawUpgrade("/members/trap", Optional.of(basic("alice", "s3cret pw")));
        assertEquals(1, trapped.get(), "with credentials the upgrade reaches the backend");
    }

    /** An upgrade request on its own connection; returns what the server answered before it closed or went quiet. */
    private String rawUpgrade(String path, Optional<String> authorization) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5000);
            socket.setSoTimeout(1000);
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: site.test\r\nUpgrade: websocket\r\n"
                    + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
                    + authorization.map(a -> "Authorization: " + a + "\r\n").orElse("") + "\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            StringBuilder reply = new StringBuilder();
            byte[] buffer = new byte[4096];
            try {
                for (int n; (n = socket.getInputStream().read(buffer)) > 0 && !reply.toString().contains("\r\n\r\n"); ) {
                    reply.append(new String(buffer, 0, n, StandardCharsets.ISO_8859_1));
                }
            } catch (java.net.SocketTimeoutException quiet) {
                // the trap backend never answers: the server is waiting on it
            }
            return reply.toString();
        }
    }

    @Test
    void aChangedUserFileTakesEffectWithoutARestart() throws Exception {
        assertEquals(200, getAs("/members/", "paul", "plain pw").statusCode());
        Path next = root.resolve("conf/htpasswd.new");
        Files.writeString(next, "paul:$apr1$abcdefgh$73ncRmiuy6qoGYuF29HGL/\n");
        Files.move(next, root.resolve("conf/htpasswd"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        assertEquals(401, getAs("/members/", "paul", "plain pw").statusCode(), "the old password no longer works");
        assertEquals(200, getAs("/members/", "paul", "s3cret pw").statusCode(), "the new one does");
        assertEquals(401, getAs("/members/", "alice", "s3cret pw").statusCode(), "alice was removed");
    }
}
