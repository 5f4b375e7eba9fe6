package dev.wsproxy.config.bind;

import dev.wsproxy.config.ast.Block;
import dev.wsproxy.config.ast.Directive;
import dev.wsproxy.config.diag.Code;
import dev.wsproxy.config.diag.Diagnostic;
import dev.wsproxy.config.diag.Diagnostics;
import dev.wsproxy.config.load.ConfigFile;
import dev.wsproxy.config.load.ConfigTree;
import dev.wsproxy.config.load.FileLocations;
import dev.wsproxy.config.load.TextFile;
import dev.wsproxy.config.load.VhostConfigs;
import dev.wsproxy.config.model.ClientLimits;
import dev.wsproxy.config.model.AccessControl;
import dev.wsproxy.config.model.ExpiresSettings;
import dev.wsproxy.config.model.HostMapping;
import dev.wsproxy.config.model.Listener;
import dev.wsproxy.config.model.MimeTypes;
import dev.wsproxy.config.model.RunAs;
import dev.wsproxy.config.model.ServerConfig;
import dev.wsproxy.config.model.SymlinkPolicy;
import dev.wsproxy.config.model.Tuning;
import dev.wsproxy.config.model.VirtualHost;
import dev.wsproxy.config.schema.Scope;
import dev.wsproxy.config.source.Span;
import dev.wsproxy.config.value.Domains;
import dev.wsproxy.config.value.ExtProcessors;
import dev.wsproxy.config.value.ListenerClaims;
import dev.wsproxy.config.value.PathResolver;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Binds a whole server config to the model in OLS startup order: server settings, listeners, virtual
 * hosts (with their {@code listeners} keys), listener {@code map} lines, then templates and their members.
 */
public final class ServerBinder {
    /**
     * The codes the binder still reports itself, as it finds what does not fit; each is its one home until a lint
     * check takes it over.
     */
    public static final Set<Code> CODES = Set.of(Code.DUPLICATE_DOMAIN);

    private final Binding binding;
    public ServerBinder(ConfigTree tree, Diagnostics diagnostics) {
        this.binding = new Binding(diagnostics.restrictedTo(CODES, "the binder"), tree);
    }

    /** The model of the tree: a whole server, or a server holding just the vhost of a lone file. */
    public ServerConfig bind() {
        ConfigFile entry = binding.tree.entry();
        if (entry.scope() == Scope.SERVER) {
            return bindServer(entry.path(), binding.tree.serverRoot(), entry.directives());
        }
        Block file = Block.of(entry.directives());
        boolean template = entry.scope() == Scope.TEMPLATE;
        return bindVhost(entry.path(), binding.tree.serverRoot(), template ? file : Block.empty(),
                template ? file.child("virtualHostConfig") : file);
    }

    private ServerConfig bindServer(Path configFile, Path serverRoot, List<Directive> directives) {
        Block root = Block.of(directives);
        PathResolver paths = PathResolver.server(serverRoot);

        VirtualHostBinder.ServerDefaults defaults = defaults(root, paths);

        Map<String, ListenerDraft> listeners = listeners(root, paths);
        Map<String, VirtualHostBinder.Bound> vhosts = new LinkedHashMap<>();
        VirtualHostBinder vhostBinder = new VirtualHostBinder(binding, defaults);
        VhostConfigs.entries(root).forEach((name, entry) -> vhostBinder.bindEntry(name, entry).ifPresent(bound -> {
            vhosts.put(name, bound);
            Block.of(entry).first("listeners").ifPresent(key -> mapListenersKey(key, bound, listeners));
        }));
        mapLines(listeners, vhosts);
        new TemplateBinder(binding, vhostBinder, paths).bind(root, vhosts,
                (listenersKey, member) -> mapListenersKey(listenersKey, member, listeners));

        List<VirtualHost> hosts = vhosts.values().stream().map(VirtualHostBinder.Bound::host).toList();
        List<Listener> built = listeners.values().stream().map(ListenerDraft::build).toList();
        return serverConfig(root, configFile, paths, defaults, built, hosts);
    }

    /**
     * One vhost config (or a template's {@code virtualHostConfig}) on its own, as a server holding just that
     * vhost, named after the file, with {@code $VH_ROOT} standing for the server root.
     */
    private ServerConfig bindVhost(Path file, Path serverRoot, Block entry, Block config) {
        PathResolver paths = PathResolver.server(serverRoot);
        Block root = Block.empty();
        VirtualHostBinder.ServerDefaults defaults = defaults(root, paths);
        String name = VhostConfigs.loneName(file);
        Span fileStart = Span.at(file, 1, 1);
        VirtualHostBinder.Member member = new VirtualHostBinder.Member(Optional.of(serverRoot.toString()),
                Optional.empty(), Optional.empty(), fileStart);
        List<VirtualHost> hosts = new VirtualHostBinder(binding, defaults).bindMember(name, entry, config, member)
                .map(VirtualHostBinder.Bound::host).stream().toList();
        return serverConfig(root, file, paths, defaults, List.of(), hosts);
    }

    private VirtualHostBinder.ServerDefaults defaults(Block root, PathResolver paths) {
        return new VirtualHostBinder.ServerDefaults(paths,
                root.value("indexFiles").map(Settings::indexList).orElse(List.of("index.html")),
                Settings.bool(root, "autoIndex").orElse(false),
                Settings.expires(root.child("expires"), ExpiresSettings.DISABLED),
                root.child("fileAccessControl").value("followSymbolLink").map(VirtualHostBinder::follow)
                        .orElse(SymlinkPolicy.Follow.ALWAYS),
                ExtProcessors.read(root, paths), ScriptHandlerEntries.read(root, paths),
                Settings.bool(root, "autoLoadHtaccess").orElse(false));
    }

    /** The server-level settings around the listeners and vhosts. */
    private ServerConfig serverConfig(Block root, Path configFile, PathResolver paths,
                                      VirtualHostBinder.ServerDefaults defaults, List<Listener> built,
                                      List<VirtualHost> hosts) {
        Path serverRoot = paths.serverRoot();
        MimeTypes mime = FileLocations.mimeLine(root).map(line -> binding.tree.text(paths.resolve(line.value())))
                .flatMap(TextFile::text).map(Mime::parse).orElse(Mime.NONE);
        Block tuning = root.child("tuning");
        Tuning defaultsTuning = Tuning.OLS_DEFAULT;
        Tuning effectiveTuning = new Tuning(
                Settings.intOr(tuning, "maxReqURLLen", defaultsTuning.maxReqUrlLen()),
                Settings.intOr(tuning, "maxReqHeaderSize", defaultsTuning.maxReqHeaderSize()),
                Settings.intOr(tuning, "keepAliveTimeout", defaultsTuning.keepAliveTimeoutSeconds()),
                Settings.intOr(tuning, "connTimeout", defaultsTuning.connTimeoutSeconds()),
                Settings.intOr(tuning, "maxConnections", defaultsTuning.maxConnections()));
        return new ServerConfig(serverRoot, configFile, root.value("serverName").orElse(""), mime,
                Logs.errorLog(root.first("errorlog"), paths),
                Logs.accessLog(root.first("accesslog"), paths, "logs/access.log"), effectiveTuning,
                Settings.accessControl(root).orElse(AccessControl.ALLOW_ALL),
                Settings.intOr(root, "gracefulRestartTimeout", 300), defaults.extProcessors(), built, hosts,
                new RunAs(named(root, "user"), named(root, "group")), CompressionSettings.read(tuning, paths),
                clientLimits(root));
    }

    /** {@code perClientConnLimit} with OLS's defaults for the keys it leaves out; no limit without the block. */
    private static ClientLimits clientLimits(Block root) {
        if (root.first("perClientConnLimit").isEmpty()) {
            return ClientLimits.NONE;
        }
        Block limits = root.child("perClientConnLimit");
        return new ClientLimits(Settings.intOr(limits, "softLimit", Integer.MAX_VALUE),
                Settings.intOr(limits, "hardLimit", Integer.MAX_VALUE),
                Duration.ofSeconds(Settings.intOr(limits, "gracePeriod", 10)),
                Duration.ofSeconds(Settings.intOr(limits, "banPeriod", 60)));
    }

    private static Optional<RunAs.Named> named(Block root, String key) {
        return root.first(key).filter(d -> !d.value().isBlank())
                .map(d -> new RunAs.Named(d.value().trim(), d.valueSpan()));
    }

    /** The listeners OLS sets up, by name ({@link ListenerClaims}); lint reports the others. */
    private static Map<String, ListenerDraft> listeners(Block root, PathResolver paths) {
        Map<String, ListenerDraft> byName = new LinkedHashMap<>();
        for (ListenerClaims.Accepted listener : ListenerClaims.of(root).accepted()) {
            Block body = Block.of(listener.block());
            Span span = listener.block().span();
            byName.put(listener.name(), new ListenerDraft(listener.name(), listener.address(),
                    Settings.bool(body, "secure").orElse(false), Settings.bool(body, "reusePort").orElse(true),
                    Tls.readListener(body, root.child("tuning"), paths, span), span, body.all("map")));
        }
        return byName;
    }

    /** A vhost's (or template member's) domains on each listener its {@code listeners} key names. */
    private void mapListenersKey(Directive key, VirtualHostBinder.Bound bound, Map<String, ListenerDraft> listeners) {
        for (String name : listenerNames(key)) {
            ListenerDraft listener = listeners.get(name);
            if (listener == null) {
                continue;
            }
            for (String domain : bound.listenerDomains()) {
                map(listener, new HostMapping(Domains.normalise(domain), bound.host().name(), key.span()));
            }
        }
    }

    private static List<String> listenerNames(Directive key) {
        return Arrays.stream(key.value().split(",")).map(String::trim).filter(n -> !n.isEmpty()).toList();
    }

    /** {@code map} lines naming a bound vhost; lint reports those naming none. */
    private void mapLines(Map<String, ListenerDraft> listeners, Map<String, VirtualHostBinder.Bound> vhosts) {
        for (ListenerDraft listener : listeners.values()) {
            for (Directive line : listener.mapLines) {
                String[] parts = line.value().trim().split("[ \\t]+", 2);
                if (vhosts.containsKey(parts[0])) {
                    for (String domain : Domains.list(parts.length > 1 ? parts[1] : "")) {
                        map(listener, new HostMapping(domain, parts[0], line.span()));
                    }
                }
            }
        }
    }

    private void map(ListenerDraft listener, HostMapping mapping) {
        listener.map(mapping).filter(taken -> !taken.vhostName().equals(mapping.vhostName()))
                .ifPresent(taken -> binding.diagnostics.add(Diagnostic.of(Code.DUPLICATE_DOMAIN,
                        mapping.span(), "`" + mapping.domain() + "` on listener `" + listener.name
                                + "` is already mapped to virtual host `" + taken.vhostName() + "`",
                        "As in OLS the first mapping wins; remove one of them.")
                .withRelated(taken.span(), "first mapped here")));
    }

    /** Lets the template binder add its members' mappings in their place in the startup order. */
    @FunctionalInterface
    interface ListenersKey {
        void map(Directive listenersKey, VirtualHostBinder.Bound member);
    }
}
