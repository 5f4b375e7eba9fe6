package dev.wsproxy.config.model;

import dev.wsproxy.config.source.Span;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A virtual host with every value resolved: roots, domains, access control, error pages, its contexts
 * (always including one for {@code /}, implicit when the config has none) and its websocket routes in
 * config order. {@code scripts} are the suffixes whose files an app would run, never sent as files.
 * {@code accessLog} is empty when the vhost uses the server's; {@code gzip} is false when {@code enableGzip 0}
 * turns compression off for this vhost.
 */
public record VirtualHost(String name, Path vhRoot, Path docRoot, String domain, List<String> aliases,
                          SymlinkPolicy symlinks, ScriptHandlers scripts, AccessControl accessControl,
                          Map<Integer, String> errorPages, Optional<LogSettings> accessLog, List<Context> contexts,
                          List<WebSocketRoute> webSockets, Optional<TlsSettings> vhssl, VhostRewrite rewrite,
                          boolean gzip, Span span) {

    /** A vhost with {@code enableGzip} left at OLS's default, 1. */
    public VirtualHost(String name, Path vhRoot, Path docRoot, String domain, List<String> aliases,
                       SymlinkPolicy symlinks, ScriptHandlers scripts, AccessControl accessControl,
                       Map<Integer, String> errorPages, Optional<LogSettings> accessLog, List<Context> contexts,
                       List<WebSocketRoute> webSockets, Optional<TlsSettings> vhssl, VhostRewrite rewrite, Span span) {
        this(name, vhRoot, docRoot, domain, aliases, symlinks, scripts, accessControl, errorPages, accessLog, contexts,
                webSockets, vhssl, rewrite, true, span);
    }

    /** A vhost without rewrite rules. */
    public VirtualHost(String name, Path vhRoot, Path docRoot, String domain, List<String> aliases,
                       SymlinkPolicy symlinks, ScriptHandlers scripts, AccessControl accessControl,
                       Map<Integer, String> errorPages, Optional<LogSettings> accessLog, List<Context> contexts,
                       List<WebSocketRoute> webSockets, Optional<TlsSettings> vhssl, Span span) {
        this(name, vhRoot, docRoot, domain, aliases, symlinks, scripts, accessControl, errorPages, accessLog, contexts,
                webSockets, vhssl, VhostRewrite.NONE, span);
    }

    public VirtualHost {
        aliases = List.copyOf(aliases);
        errorPages = Map.copyOf(errorPages);
        contexts = List.copyOf(contexts);
        webSockets = List.copyOf(webSockets);
    }
}
