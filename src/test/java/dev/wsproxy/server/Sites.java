package dev.wsproxy.server;

import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.wsproxy.config.ConfigLoader;
import dev.wsproxy.config.LoadOptions;
import dev.wsproxy.config.LoadResult;
import dev.wsproxy.config.model.AccessControl;
import dev.wsproxy.config.model.Context;
import dev.wsproxy.config.model.ContextUri;
import dev.wsproxy.config.model.ExpiresSettings;
import dev.wsproxy.config.model.HostMapping;
import dev.wsproxy.config.model.ListenAddress;
import dev.wsproxy.config.model.Listener;
import dev.wsproxy.config.model.LogSettings;
import dev.wsproxy.config.model.MimeTypes;
import dev.wsproxy.config.model.ScriptHandlers;
import dev.wsproxy.config.model.ServerConfig;
import dev.wsproxy.config.model.SymlinkPolicy;
import dev.wsproxy.config.model.Tuning;
import dev.wsproxy.config.model.VirtualHost;
import dev.wsproxy.config.source.Span;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Hand-made config models for server tests: what the config front end would produce for small sites. */
final class Sites {

    static final MimeTypes MIME = new MimeTypes(Map.of("html", "text/html", "htm", "text/html", "txt", "text/plain",
            "css", "text/css", "js", "text/javascript", "png", "image/png", "json", "application/json",
            "php", "application/x-httpd-php"), "application/octet-stream");

    private Sites() {
    }

    static ServerConfig server(Path root, List<Listener> listeners, List<VirtualHost> vhosts) {
        return server(root, listeners, vhosts, Tuning.OLS_DEFAULT, AccessControl.ALLOW_ALL);
    }

    static ServerConfig server(Path root, List<Listener> listeners, List<VirtualHost> vhosts, Tuning tuning,
                               AccessControl acl) {
        return new ServerConfig(root, root.resolve("conf/httpd_config.conf"), "test", MIME,
                new LogSettings(root.resolve("logs/error.log"), "DEBUG", false, Optional.empty()),
                new LogSettings(root.resolve("logs/access.log"), "", false, Optional.empty()),
                tuning, acl, 5, Map.of(), listeners, vhosts);
    }

    static ServerConfig withGracePeriod(ServerConfig c, int seconds) {
        return new ServerConfig(c.serverRoot(), c.configFile(), c.serverName(), c.mime(), c.errorLog(), c.accessLog(),
                c.tuning(), c.accessControl(), seconds, c.extProcessors(), c.listeners(), c.virtualHosts());
    }

    /** The shipped {@code conf-samples/} config, loaded by the real front end, its logs moved to {@code logs}. */
    static ServerConfig confSamples(Path logs) {
        LoadResult loaded = ConfigLoader.load(Path.of("conf-samples", "conf", "httpd_config.conf").toAbsolutePath(),
                LoadOptions.defaults());
        assertFalse(loaded.hasErrors(), loaded.diagnostics().toString());
        return withLogs(loaded.config().orElseThrow(),
                new LogSettings(logs.resolve("error.log"), "INFO", false, Optional.empty()),
                new LogSettings(logs.resolve("access.log"), "", false, Optional.empty()));
    }

    static ServerConfig withLogs(ServerConfig c, LogSettings errorLog, LogSettings accessLog) {
        return new ServerConfig(c.serverRoot(), c.configFile(), c.serverName(), c.mime(), errorLog, accessLog,
                c.tuning(), c.accessControl(), c.gracefulRestartTimeoutSeconds(), c.extProcessors(), c.listeners(),
                c.virtualHosts());
    }

    static ServerConfig withMime(ServerConfig c, MimeTypes mime) {
        return new ServerConfig(c.serverRoot(), c.configFile(), c.serverName(), mime, c.errorLog(), c.accessLog(),
                c.tuning(), c.accessControl(), c.gracefulRestartTimeoutSeconds(), c.extProcessors(), c.listeners(),
                c.virtualHosts());
    }

    static VirtualHost withScripts(VirtualHost v, ScriptHandlers scripts) {
        return new VirtualHost(v.name(), v.vhRoot(), v.docRoot(), v.domain(), v.aliases(), v.symlinks(), scripts,
                v.accessControl(), v.errorPages(), v.accessLog(), v.contexts(), v.webSockets(), v.vhssl(), v.span());
    }

    static Listener listener(String name, String host, HostMapping... mappings) {
        return new Listener(name, new ListenAddress(host + ":0", host, 0), false, Optional.empty(), List.of(mappings),
                Span.none());
    }

    static HostMapping map(String domain, String vhost) {
        return new HostMapping(domain, vhost, Span.none());
    }

    static VirtualHost vhost(String name, Path vhRoot, Context... contexts) {
        return vhost(name, vhRoot, SymlinkPolicy.OLS_DEFAULT, AccessControl.ALLOW_ALL, Map.of(), List.of(contexts));
    }

    static VirtualHost vhost(String name, Path vhRoot, SymlinkPolicy symlinks, AccessControl acl,
                             Map<Integer, String> errorPages, List<Context> contexts) {
        return new VirtualHost(name, vhRoot, vhRoot.resolve("html"), name, List.of(), symlinks, ScriptHandlers.NONE, acl,
                errorPages, Optional.empty(), contexts, List.of(), Optional.empty(), Span.none());
    }

    static Context.Static files(String uri, Path location) {
        return files(uri, location, true, false, ExpiresSettings.DISABLED, Optional.empty());
    }

    static Context.Static files(String uri, Path location, boolean allowBrowse, boolean autoIndex,
                                ExpiresSettings expires, Optional<AccessControl> acl) {
        return new Context.Static(uri(uri), location, allowBrowse, List.of("index.html", "index.htm"), autoIndex,
                expires, acl, Optional.empty(), List.of(), Span.none());
    }

    static ContextUri uri(String text) {
        if (text.startsWith("exp:")) {
            return new ContextUri.Regex(text, Pattern.compile(text.substring(4)));
        }
        return new ContextUri.Prefix(text, text);
    }
}
