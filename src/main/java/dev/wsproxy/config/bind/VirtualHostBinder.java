package dev.wsproxy.config.bind;

import dev.wsproxy.config.ast.Block;
import dev.wsproxy.config.ast.Directive;
import dev.wsproxy.config.load.FileLocations;
import dev.wsproxy.config.load.VhostConfigs;
import dev.wsproxy.config.model.AccessControl;
import dev.wsproxy.config.model.ExpiresSettings;
import dev.wsproxy.config.model.ExtProcessor;
import dev.wsproxy.config.model.ScriptHandler;
import dev.wsproxy.config.model.ScriptHandlers;
import dev.wsproxy.config.model.SymlinkPolicy;
import dev.wsproxy.config.model.VirtualHost;
import dev.wsproxy.config.source.Span;
import dev.wsproxy.config.value.ExtProcessors;
import dev.wsproxy.config.value.PathResolver;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Binds one virtual host as OLS does: the entry keys ({@code vhRoot}, {@code configFile},
 * {@code allowSymbolLink}, ...), the vhost config (its {@code configFile}, else the entry block itself, or a
 * template's {@code virtualHostConfig}), and a template member's overrides.
 */
final class VirtualHostBinder {

    /** What the server level hands down to every vhost. */
    record ServerDefaults(PathResolver paths, List<String> indexFiles, boolean autoIndex, ExpiresSettings expires,
                          SymlinkPolicy.Follow follow, Map<String, ExtProcessor> extProcessors,
                          Map<String, ScriptHandler> scriptHandlers, boolean autoLoadHtaccess) {
    }

    /** A template member's own keys, which override the template's. */
    record Member(Optional<String> vhRoot, Optional<String> vhDomain, Optional<String> vhAliases, Span span) {
        static final Member NONE = new Member(Optional.empty(), Optional.empty(), Optional.empty(), Span.none());
    }

    /**
     * A bound vhost and the domains it brings to the listeners its {@code listeners} key (or its template's)
     * names: the vhDomain, {@code *} when an entry has none, then the aliases.
     */
    record Bound(VirtualHost host, List<String> listenerDomains) {
    }

    private final Binding binding;
    private final ServerDefaults server;

    VirtualHostBinder(Binding binding, ServerDefaults server) {
        this.binding = binding;
        this.server = server;
    }

    /** A {@code virtualhost} block: its config comes from {@code configFile}, else from the block itself. */
    Optional<Bound> bindEntry(String name, Directive entry) {
        Block block = Block.of(entry);
        Path vhRoot = vhRoot(name, block, Member.NONE);
        Optional<Block> read = VhostConfigs.ofEntry(binding.tree, name, block);
        Block config = read.orElse(block);
        boolean configMissing = read.isEmpty();
        String listenerDomain = config.value("vhDomain").orElse("*");
        // without filesystem checks a missing file is not this config's mistake: bind what the entry says
        boolean configKnown = !configMissing || config.has("docRoot");
        if (!configKnown && binding.checkFilesystem) {
            return Optional.empty();
        }
        return bind(name, block, config, Member.NONE, vhRoot, entry.span(), configKnown)
                .map(host -> new Bound(host, domains(listenerDomain, host)));
    }

    /** A template member: the template's root keys are the entry, its virtualHostConfig the config. */
    Optional<Bound> bindMember(String name, Block templateRoot, Block vhConfig, Member member) {
        Path vhRoot = vhRoot(name, templateRoot, member);
        return bind(name, templateRoot, vhConfig, member, vhRoot, member.span(), true)
                .map(host -> new Bound(host, domains(host.domain(), host)));
    }

    /**
     * A member of a template whose file is not on this machine (lint without filesystem checks): bound from
     * its own keys alone, so the listeners it is mapped to still map a vhost.
     */
    Bound bindMemberWithoutTemplate(String name, Member member) {
        Path vhRoot = vhRoot(name, Block.empty(), member);
        VirtualHost host = bind(name, Block.empty(), Block.empty(), member, vhRoot, member.span(), false).orElseThrow();
        return new Bound(host, domains(host.domain(), host));
    }

    private static List<String> domains(String domain, VirtualHost host) {
        return concat(List.of(domain), host.aliases());
    }

    private Path vhRoot(String name, Block entry, Member member) {
        return FileLocations.vhRoot(server.paths(), name, rawVhRoot(entry, member));
    }

    private static Optional<String> rawVhRoot(Block entry, Member member) {
        return member.vhRoot().or(() -> entry.value("vhRoot"));
    }

    /** @param configKnown false when the vhost config is on another machine: a missing docRoot is then unknown */
    private Optional<VirtualHost> bind(String name, Block entry, Block config, Member member, Path vhRoot, Span span,
                                       boolean configKnown) {
        String domain = member.vhDomain().or(() -> config.value("vhDomain")).orElse(name);
        List<String> aliases = member.vhAliases().or(() -> config.value("vhAliases"))
                .map(Settings::indexList).orElse(List.of());
        Optional<Directive> docRootLine = FileLocations.docRootLine(config);
        if (docRootLine.isEmpty() && configKnown) {
            return Optional.empty();
        }
        PathResolver paths = FileLocations.vhostPaths(server.paths(), name, domain, vhRoot, docRootLine);
        Path docRoot = paths.docRoot().orElseThrow();

        SymlinkPolicy.Follow follow = entry.value("allowSymbolLink").map(VirtualHostBinder::follow)
                .orElse(server.follow());
        SymlinkPolicy symlinks = new SymlinkPolicy(follow, Settings.bool(entry, "restrained").orElse(false));
        ScriptHandlers scripts = new ScriptHandlers(ScriptHandlerEntries.merge(server.scriptHandlers(),
                ScriptHandlerEntries.read(config, paths)), Settings.bool(entry, "enableScript").orElse(true));
        Block index = config.child("index");
        String useServer = index.value("useServer").orElse("1");
        List<String> own = index.value("indexFiles").map(Settings::indexList).orElse(List.of());
        List<String> indexFiles = switch (useServer) {
            case "0" -> own;
            case "2" -> concat(server.indexFiles(), own);
            default -> server.indexFiles();
        };
        boolean autoIndex = useServer.equals("1") ? server.autoIndex()
                : Settings.bool(index, "autoIndex").orElse(server.autoIndex());
        ExpiresSettings expires = Settings.expires(config.child("expires"), server.expires());
        VhostDefaults defaults = new VhostDefaults(paths, docRoot, indexFiles, autoIndex, expires,
                ExtProcessors.read(config, paths), server.extProcessors(), new RealmBinder(binding).bind(config, paths));
        return Optional.of(new VirtualHost(name, vhRoot, docRoot, domain, aliases, symlinks, scripts,
                Settings.accessControl(config).orElse(AccessControl.ALLOW_ALL), errorPages(config),
                Logs.vhostAccessLog(config.first("accesslog"), paths),
                new ContextBinder(binding, defaults).bind(config), new WebSocketBinder(binding).bind(config),
                Tls.read(config.child("vhssl"), paths, span),
                new RewriteBinder(paths, binding.tree).bind(config, server.autoLoadHtaccess(), defaults),
                Settings.bool(config, "enableGzip").orElse(true), span));
    }

    private static Map<Integer, String> errorPages(Block config) {
        Map<Integer, String> pages = new LinkedHashMap<>();
        for (Directive page : config.all("errorPage")) {
            Optional<String> url = Block.of(page).value("url");
            String code = page.value().trim();
            if (url.isPresent() && code.matches("\\d{3}")) {
                pages.putIfAbsent(Integer.parseInt(code), url.get());
            }
        }
        return pages;
    }

    static SymlinkPolicy.Follow follow(String value) {
        return switch (value.trim()) {
            case "0" -> SymlinkPolicy.Follow.NEVER;
            case "2" -> SymlinkPolicy.Follow.IF_OWNER_MATCHES;
            default -> SymlinkPolicy.Follow.ALWAYS;
        };
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return Stream.concat(a.stream(), b.stream()).distinct().toList();
    }
}
