package dev.wsproxy.config.bind;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wsproxy.config.ConfigLoader;
import dev.wsproxy.config.LoadOptions;
import dev.wsproxy.config.LoadResult;
import dev.wsproxy.config.diag.Diagnostic;
import dev.wsproxy.config.diag.Severity;
import dev.wsproxy.config.model.Context;
import dev.wsproxy.config.model.HostMapping;
import dev.wsproxy.config.model.PoolSettings;
import dev.wsproxy.config.model.ServerConfig;
import dev.wsproxy.config.model.SymlinkPolicy;
import dev.wsproxy.config.model.VirtualHost;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Binding rules that OLS users rely on, each on a small config written to disk. */
class BinderTest {
    @TempDir
    Path root;

    @BeforeEach
    void tree() throws IOException {
        Files.createDirectories(root.resolve("conf"));
        Files.createDirectories(root.resolve("a/html/x"));
        Files.writeString(root.resolve("conf/mime.properties"), "html = text/html\n");
    }

    private LoadResult load(String config) throws IOException {
        Path file = root.resolve("conf/httpd_config.conf");
        Files.writeString(file, "mime conf/mime.properties\n" + config);
        return ConfigLoader.load(file, LoadOptions.defaults());
    }

    private static List<Diagnostic> problems(LoadResult result) {
        return result.diagnostics().stream().filter(d -> d.severity() != Severity.INFO).toList();
    }

    private static VirtualHost vhost(ServerConfig config, String name) {
        return config.virtualHosts().stream().filter(v -> v.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void listWrappersAreOptionalAndTheBlockValueWinsOverUri() throws IOException {
        LoadResult result = load("""
                virtualHostList {
                  virtualhost a {
                    vhRoot a/
                    docRoot $VH_ROOT/html/
                    contextList {
                      context /x/ {
                        uri /ignored/
                        allowBrowse 1
                      }
                    }
                    websocketList {
                      websocket /ws/ {
                        uri /ignored/
                        address 127.0.0.1:9001
                      }
                    }
                  }
                }
                listenerList {
                  listener l {
                    address 127.0.0.1:8088
                    map a *
                  }
                }
                """);
        assertEquals(List.of(), problems(result));
        VirtualHost a = vhost(result.config().orElseThrow(), "a");
        assertEquals(List.of("/", "/x/"), a.contexts().stream().map(c -> c.uri().text()).toList());
        assertEquals("/ws/", a.webSockets().get(0).uri().text());
    }

    @Test
    void rawContentBlocksKeepWhatOlsKeeps() throws IOException {
        LoadResult result = load("""
                module cache {
                  ls_enabled 1
                  checkPrivateCache 1
                }
                cache::enableCache 1
                virtualhost a {
                  vhRoot a/
                  docRoot $VH_ROOT/html/
                  rewrite {
                    enable 1
                    <IfModule mod_rewrite.c>
                    RewriteEngine On
                    Options -MultiViews
                    RewriteRule ^old$ /new [R=301,L]
                    </IfModule>
                  }
                }
                listener l {
                  address 127.0.0.1:8088
                  map a *
                }
                """);
        // the raw lines are content, not mistakes; only what wsproxy does not support is reported
        assertEquals(List.of("WSP214@3"), problems(result).stream()
                .map(d -> d.code().id() + "@" + d.span().line()).toList());
    }

    @Test
    void listenersKeyMapsStarWithoutVhDomainThenMapLinesThenTemplates() throws IOException {
        Files.writeString(root.resolve("conf/t.conf"), "vhRoot $SERVER_ROOT/a/\nvirtualHostConfig {\n"
                + "  docRoot $VH_ROOT/html/\n}\n");
        LoadResult result = load("""
                virtualhost a {
                  vhRoot a/
                  docRoot $VH_ROOT/html/
                  vhAliases alias.example
                  listeners l
                }
                virtualhost b {
                  vhRoot a/
                  docRoot $VH_ROOT/html/
                }
                listener l {
                  address 127.0.0.1:8088
                  map b B.Example:8080
                }
                vhTemplate t {
                  templateFile conf/t.conf
                  listeners l
                  member a
                  member m {
                    vhDomain m.example
                  }
                }
                """);
        assertEquals(List.of(), problems(result));
        List<HostMapping> map = result.config().orElseThrow().listeners().get(0).mappings();
        assertEquals(List.of("*=a", "alias.example=a", "b.example=b", "m.example=m"),
                map.stream().map(m -> m.domain() + "=" + m.vhostName()).toList());
        assertEquals(root.resolve("a"), vhost(result.config().orElseThrow(), "m").vhRoot(),
                "a member that names an existing vhost is skipped; m takes the template's vhRoot");
    }

    @Test
    void indexUseServerTwoMergesAndContextsInherit() throws IOException {
        ServerConfig config = load("""
                indexFiles index.html
                autoIndex 1
                virtualhost a {
                  vhRoot a/
                  docRoot $VH_ROOT/html/
                  index {
                    useServer 2
                    indexFiles index.htm, default.html
                  }
                  context /x/ {
                    indexFiles -
                  }
                }
                listener l {
                  address 127.0.0.1:8088
                  map a *
                }
                """).config().orElseThrow();
        VirtualHost a = vhost(config, "a");
        Context.Static root = (Context.Static) a.contexts().get(0);
        assertEquals(List.of("index.html", "index.htm", "default.html"), root.indexFiles());
        assertTrue(root.autoIndex(), "autoIndex from the vhost's index block, which falls back to the server's");
        assertEquals(List.of(), ((Context.Static) a.contexts().get(1)).indexFiles(), "- means none");
    }

    @Test
    void vhostExtprocessorWinsOverTheServersAndSymlinksDefaultFromTheServer() throws IOException {
        ServerConfig config = load("""
                fileAccessControl {
                  followSymbolLink 0
                }
                extprocessor app {
                  type proxy
                  address 127.0.0.1:1
                }
                virtualhost a {
                  vhRoot a/
                  docRoot $VH_ROOT/html/
                  extprocessor app {
                    type proxy
                    address http://127.0.0.1:3000
                  }
                  context /app/ {
                    type proxy
                    handler app
                  }
                  websocket /app/ {
                    address 127.0.0.1:3000
                  }
                }
                listener l {
                  address 127.0.0.1:8088
                  map a *
                }
                """).config().orElseThrow();
        VirtualHost a = vhost(config, "a");
        Context.Proxy proxy = assertInstanceOf(Context.Proxy.class, a.contexts().get(1));
        assertEquals("http://127.0.0.1:3000", proxy.handler().address().text());
        assertEquals(SymlinkPolicy.Follow.NEVER, a.symlinks().follow());
    }

    @Test
    void extprocessorPoolKeysAreReadAsOlsReadsThem() throws IOException {
        LoadResult result = load("""
                extprocessor kept {
                  type proxy
                  address 127.0.0.1:3000
                  maxConns 35
                  persistConn 0
                  pcKeepAliveTimeout 60
                }
                extprocessor plain {
                  type proxy
                  address 127.0.0.1:3001
                  pcKeepAliveTimeout -1
                }
                extprocessor odd {
                  type proxy
                  address 127.0.0.1:3002
                  maxConns 20000
                }
                """);
        ServerConfig config = result.config().orElseThrow();
        assertEquals(new PoolSettings(35, false, Optional.of(Duration.ofSeconds(60))),
                config.extProcessors().get("kept").pool());
        assertEquals(PoolSettings.DEFAULT, config.extProcessors().get("plain").pool(), "-1 is never, the default");
        assertEquals(5, config.extProcessors().get("odd").pool().maxConns(), "out of range: OLS's default");
        Diagnostic outOfRange = problems(result).get(0);
        assertEquals("WSP205", outOfRange.code().id());
        assertTrue(outOfRange.summary().contains("`maxConns`: `20000` is out of range"), outOfRange.summary());
    }

    @Test
    void accessControlOverWebSocketsIsAnInfoAboutOls() throws IOException {
        LoadResult result = load("""
                virtualhost a {
                  vhRoot a/
                  docRoot $VH_ROOT/html/
                  accessControl {
                    allow 127.0.0.1
                    deny ALL
                  }
                  websocket /ws/ {
                    address 127.0.0.1:9001
                  }
                }
                listener l {
                  address 127.0.0.1:8088
                  map a *
                }
                """);
        assertEquals(List.of(), problems(result));
        assertEquals(List.of("this accessControl also covers WebSocket upgrades in wsproxy, not in OLS 1.9.1"),
                result.diagnostics().stream().map(Diagnostic::summary).toList());
    }

    @Test
    void secureListenerCarriesItsCertificatePaths() throws IOException {
        Files.writeString(root.resolve("conf/k.pem"), "not checked by the binder");
        ServerConfig config = load("""
                virtualhost a {
                  vhRoot a/
                  docRoot $VH_ROOT/html/
                  accesslog $VH_ROOT/logs/access.log {
                    useServer 0
                    logFormat %h %r
                  }
                }
                listener l {
                  address [::1]:8443
                  secure 1
                  keyFile conf/k.pem
                  certFile $SERVER_ROOT/conf/k.pem
                  sslProtocol 24
                  map a *
                }
                """).config().orElseThrow();
        var tls = config.listeners().get(0).tls().orElseThrow();
        assertEquals(root.resolve("conf/k.pem"), tls.keyFile());
        assertEquals(24, tls.sslProtocol());
        assertEquals(Optional.of("%h %r"), vhost(config, "a").accessLog().orElseThrow().logFormat());
        assertEquals(root.resolve("a/logs/access.log"), vhost(config, "a").accessLog().orElseThrow().file());
    }
    @Test
    void aListenerWithABadAddressStillHasItsMapLinesChecked() throws IOException {
        LoadResult result = load("""
                listener web {
                  address *:99999
                  map nosuch *
                }
                listener other {
                  map alsomissing *
                }
                """);
        List<String> codes = problems(result).stream().map(d -> d.code().id() + "@" + d.span().line()).toList();
        assertTrue(codes.contains("WSP208@3"), codes.toString());
        assertTrue(codes.contains("WSP304@4"), codes.toString());
        assertTrue(codes.contains("WSP204@6"), codes.toString());
        assertTrue(codes.contains("WSP304@7"), codes.toString());
    }

    @Test
    void scriptHandlersMergeSuffixBySuffixAndAppContextsStay() throws IOException {
        Files.createDirectories(root.resolve("b/html"));
        LoadResult result = load("""
                scriptHandler {
                  add lsapi:lsphp php, PHP5
                  add fcgi:legacy inc
                  add lsphp php7
                }
                virtualhost a {
                  vhRoot a/
                  docRoot $VH_ROOT/html/
                  enableScript 0
                  scriptHandler {
                    add lsapi:$VH_NAME_php php
                  }
                  context /cgi-bin/ {
                    type cgi
                    allowBrowse 0
                  }
                }
                virtualhost b {
                  vhRoot b/
                  docRoot $VH_ROOT/html/
                }
                listener l {
                  address 127.0.0.1:8088
                  map a a.test
                  map b *
                }
                """);
        ServerConfig config = result.config().orElseThrow();
        VirtualHost a = vhost(config, "a");
        assertEquals("lsapi:a_php", a.scripts().forFile("index.PHP").orElseThrow().text(), "the vhost's own entry");
        assertEquals("lsapi:lsphp", a.scripts().forFile("old.php5").orElseThrow().text(), "inherited suffix");
        assertEquals("fcgi:legacy", a.scripts().forFile("x.inc").orElseThrow().text());
        assertEquals(false, a.scripts().enabled());
        assertEquals("lsapi:lsphp", vhost(config, "b").scripts().forFile("index.php").orElseThrow().text());
        assertEquals(Optional.empty(), vhost(config, "b").scripts().forFile("notes.txt"));
        Context.App cgi = assertInstanceOf(Context.App.class, a.contexts().stream()
                .filter(c -> c.uri().text().equals("/cgi-bin/")).findFirst().orElseThrow());
        assertEquals(false, cgi.allowBrowse());
        List<String> codes = result.diagnostics().stream()
                .map(d -> d.code().id() + "@" + d.span().line() + ":" + d.severity().label()).toList();
        assertEquals(List.of("WSP210@5:error", "WSP213@15:warning", "WSP330@12:info", "WSP330@3:error",
                "WSP330@4:error"), codes.stream().sorted().toList());
    }
}
