package dev.wsproxy.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wsproxy.config.diag.Code;
import dev.wsproxy.config.diag.Severity;
import dev.wsproxy.config.model.BackendAddress;
import dev.wsproxy.config.model.Context;
import dev.wsproxy.config.model.ContextUri;
import dev.wsproxy.config.model.HostMapping;
import dev.wsproxy.config.model.Listener;
import dev.wsproxy.config.model.ServerConfig;
import dev.wsproxy.config.model.VirtualHost;
import dev.wsproxy.config.model.WebSocketRoute;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The shipped sample tree loads clean and means what its comments say. */
class ConfSamplesTest {
    private static final Path ROOT = Path.of("conf-samples").toAbsolutePath();
    private static LoadResult result;
    private static ServerConfig config;

    @BeforeAll
    static void load() {
        result = ConfigLoader.load(ROOT.resolve("conf/httpd_config.conf"), LoadOptions.defaults());
        config = result.config().orElseThrow();
    }

    @Test
    void loadsWithoutErrorsOrWarnings() {
        assertFalse(result.hasErrors(), result.diagnostics().toString());
        assertTrue(result.diagnostics().stream().allMatch(d -> d.severity() == Severity.INFO),
                result.diagnostics().toString());
        assertEquals(List.of(Code.DIFFERS_FROM_OLS, Code.DIFFERS_FROM_OLS, Code.DIFFERS_FROM_OLS),
                result.diagnostics().stream().map(d -> d.code()).toList());
    }

    @Test
    void serverRootIsTheParentOfConf() {
        assertEquals(ROOT, config.serverRoot());
        assertEquals(ROOT.resolve("logs/error.log"), config.errorLog().file());
        assertEquals("text/javascript", config.mime().typeOf("echo.JS"));
        assertEquals("application/octet-stream", config.mime().typeOf("blob.bin"));
        assertEquals(2000, config.tuning().maxConnections());
        assertEquals(30, config.gracefulRestartTimeoutSeconds());
    }

    @Test
    void listenersBindLoopbackAndMapInStartupOrder() {
        Listener http = listener("http");
        assertEquals("127.0.0.1", http.address().host());
        assertEquals(8088, http.address().port());
        assertEquals(List.of("chat.localhost=chat", "localhost=chat", "127.0.0.1=chat", "docs.localhost=docs",
                        "manual.localhost=docs", "alpha.localhost=alpha", "beta.localhost=beta"),
                http.mappings().stream().map(m -> m.domain() + "=" + m.vhostName()).toList());
        Listener http6 = listener("http6");
        assertEquals("0:0:0:0:0:0:0:1", http6.address().host());
        assertTrue(http6.mappings().stream().allMatch(HostMapping::isCatchAll));
    }

    @Test
    void configFileVhostHasItsWebSocketRoutesInEveryAddressForm() {
        VirtualHost chat = vhost("chat");
        assertEquals(ROOT.resolve("chat/html"), chat.docRoot());
        assertEquals(List.of("index.html"), ((Context.Static) context(chat, "/")).indexFiles());
        List<WebSocketRoute> ws = chat.webSockets();
        assertEquals(List.of("/ws/", "/ws6/", "/uds/", "exp:^/rooms/[a-z0-9-]+/live$"),
                ws.stream().map(r -> r.uri().text()).toList());
        assertEquals(new BackendAddress.Tcp("127.0.0.1:9001", "127.0.0.1", 9001), ws.get(0).backend());
        assertEquals(9002, ((BackendAddress.Tcp) ws.get(1).backend()).port());
        assertEquals(Path.of("/tmp/wsproxy-echo.sock"), ((BackendAddress.Unix) ws.get(2).backend()).path());
        assertTrue(((ContextUri.Regex) ws.get(3).uri()).pattern().matcher("/rooms/lobby/live").find());
        assertEquals(3, chat.accessControl().allow().size());
        assertEquals("/404.html", chat.errorPages().get(404));
    }

    @Test
    void staticContextHasEffectiveExpiresAndHeaders() {
        Context.Static stat = (Context.Static) context(vhost("chat"), "/static/");
        assertEquals(ROOT.resolve("chat/html/static"), stat.location());
        assertTrue(stat.expires().enabled());
        assertEquals(86400, stat.expires().defaultRule().orElseThrow().seconds());
        assertEquals(604800, stat.expires().byType().get("image/*").seconds(), "inherited from the server");
        assertEquals(2, stat.extraHeaders().size());
    }

    @Test
    void inlineVhostHasRedirectAndRelativeLocation() {
        VirtualHost docs = vhost("docs");
        Context.Redirect old = (Context.Redirect) context(docs, "/old/");
        assertEquals("/new/", old.location());
        assertEquals(301, old.statusCode());
        assertEquals(ROOT.resolve("docs/html/new"), ((Context.Static) context(docs, "/new/")).location());
        assertInstanceOf(ContextUri.Regex.class, docs.contexts().get(0).uri(), "exp: contexts sort first");
    }

    @Test
    void templateMembersGetTheirOwnRoots() {
        assertEquals(ROOT.resolve("sites/alpha/html"), vhost("alpha").docRoot());
        assertEquals(ROOT.resolve("sites/beta"), vhost("beta").vhRoot());
        assertEquals(List.of("www.beta.localhost"), vhost("beta").aliases());
        assertEquals("/ws/", vhost("beta").webSockets().get(0).uri().text());
    }

    private static Listener listener(String name) {
        return config.listeners().stream().filter(l -> l.name().equals(name)).findFirst().orElseThrow();
    }

    private static VirtualHost vhost(String name) {
        return config.virtualHosts().stream().filter(v -> v.name().equals(name)).findFirst().orElseThrow();
    }

    private static Context context(VirtualHost vh, String uri) {
        return vh.contexts().stream().filter(c -> c.uri().text().equals(uri)).findFirst().orElseThrow();
    }
}
