package dev.wsproxy.config.bind;

import dev.wsproxy.config.ast.Directive;
import dev.wsproxy.config.bind.value.Domains;
import dev.wsproxy.config.bind.value.ListenAddresses;
import dev.wsproxy.config.diag.Code;
import dev.wsproxy.config.diag.Diagnostic;
import dev.wsproxy.config.diag.Diagnostics;
import dev.wsproxy.config.model.AccessControl;
import dev.wsproxy.config.model.ExpiresSettings;
import dev.wsproxy.config.model.HostMapping;
import dev.wsproxy.config.model.ListenAddress;
import dev.wsproxy.config.model.Listener;
import dev.wsproxy.config.model.MimeTypes;
import dev.wsproxy.config.model.RunAs;
import dev.wsproxy.config.model.ServerConfig;
import dev.wsproxy.config.model.SymlinkPolicy;
import dev.wsproxy.config.model.Tuning;
import dev.wsproxy.config.model.VirtualHost;
import dev.wsproxy.config.schema.Scope;
import dev.wsproxy.config.source.Span;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
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
    private final Binding binding;
    /** The map lines of listeners dropped for a missing or bad address: still checked, so no error hides another. */
    private final List<DroppedMapLine> mapLinesOfDroppedListeners = new ArrayList<>();
    /** Every listener name written, built or not: a listeners key naming a dropped one was reported already. */
    private final Set<String> declaredListeners = new HashSet<>();

    /** A map line of a listener that was not built. */
    private record DroppedMapLine(String listener, Directive line) {
    }

    public ServerBinder(ConfigReader reader, boolean checkFilesystem, Diagnostics diagnostics) {
        this.binding = new Binding(diagnostics, reader, checkFilesystem);
    }

    public BindResult bind(Path configFile, Path serverRoot, List<Directive> directives) {
        binding.files.add(new ConfigFile(configFile, Scope.SERVER, directives));
        Block root = Block.of(directives);
        Span fileStart = Span.at(configFile, 1, 1);
        PathResolver paths = PathResolver.server(serverRoot);

        VirtualHostBinder.ServerDefaults defaults = defaults(root, paths);

        Map<String, ListenerDraft> listeners = listeners(root, paths);
        Map<String, VirtualHostBinder.Bound> vhosts = new LinkedHashMap<>();
        Map<String, Directive> declared = new LinkedHashMap<>();
        VirtualHostBinder vhostBinder = new VirtualHostBinder(binding, defaults);
        List<Directive> entries = root.all("virtualhost");
        binding.reader.readAhead(entries.stream()
                .flatMap(entry -> Block.nameOf(entry, "name").flatMap(name -> vhostBinder.configFileOf(name, entry)).stream())
                .toList());
        for (Directive entry : entries) {
            Optional<String> name = Block.nameOf(entry, "name");
            if (name.isEmpty()) {
                binding.report(Code.MISSING_REQUIRED, entry.span(), "virtualhost has no name",
                        "Write the name after the keyword: virtualhost <name> { ... }.");
                continue;
            }
            if (declared.containsKey(name.get())) {
                binding.diagnostics.add(Diagnostic.of(Code.DUPLICATE_VHOST, entry.valueSpan(),
                                "virtual host `" + name.get() + "` is defined twice",
                                "Rename one of them; the first definition is used.")
                        .withRelated(declared.get(name.get()).span(), "first defined here"));
                continue;
            }
            declared.put(name.get(), entry);
            Optional<Directive> listenersKey = Block.of(entry).first("listeners");
            listenersKey.ifPresent(this::checkListenersKey);
            vhostBinder.bindEntry(name.get(), entry).ifPresent(bound -> {
                vhosts.put(name.get(), bound);
                listenersKey.ifPresent(key -> mapListenersKey(key, bound, listeners));
            });
        }
        mapLines(listeners, vhosts, declared);
        new TemplateBinder(binding, vhostBinder, paths).bind(root, vhosts, new ListenersKey() {
            @Override
            public void check(Directive listenersKey) {
                checkListenersKey(listenersKey);
            }

            @Override
            public void map(Directive listenersKey, VirtualHostBinder.Bound member) {
                mapListenersKey(listenersKey, member, listeners);
            }
        });

        List<VirtualHost> hosts = vhosts.values().stream().map(VirtualHostBinder.Bound::host).toList();
        List<Listener> built = listeners.values().stream().map(ListenerDraft::build).toList();
        return new BindResult(serverConfig(root, configFile, paths, fileStart, defaults, built, hosts), binding.files);
    }

    /**
     * One vhost config (or a template's {@code virtualHostConfig}) on its own, as a server holding just that
     * vhost, named after the file, with {@code $VH_ROOT} standing for the server root.
     */
    public BindResult bindVhost(Path file, Path serverRoot, Block entry, Block config) {
        PathResolver paths = PathResolver.server(serverRoot);
        Block root = Block.empty();
        binding.serverKnown = false;
        VirtualHostBinder.ServerDefaults defaults = defaults(root, paths);
        String stem = file.getFileName().toString().replaceFirst("\\.[^.]*$", "");
        // conf/vhosts/<name>/vhconf.conf is the OLS layout: the directory names the vhost
        String name = stem.equals("vhconf") && file.getParent().getFileName() != null
                ? file.getParent().getFileName().toString() : stem;
        Span fileStart = Span.at(file, 1, 1);
        VirtualHostBinder.Member member = new VirtualHostBinder.Member(Optional.of(serverRoot.toString()),
                Optional.empty(), Optional.empty(), fileStart);
        List<VirtualHost> hosts = new VirtualHostBinder(binding, defaults).bindMember(name, entry, config, member)
                .map(VirtualHostBinder.Bound::host).stream().toList();
        return new BindResult(serverConfig(root, file, paths, null, defaults, List.of(), hosts), binding.files);
    }

    private VirtualHostBinder.ServerDefaults defaults(Block root, PathResolver paths) {
        return new VirtualHostBinder.ServerDefaults(paths,
                root.value("indexFiles").map(Settings::indexList).orElse(List.of("index.html")),
                Settings.bool(root, "autoIndex").orElse(false),
                Settings.expires(root.child("expires"), ExpiresSettings.DISABLED),
                root.child("fileAccessControl").value("followSymbolLink").map(VirtualHostBinder::follow)
                        .orElse(SymlinkPolicy.Follow.ALWAYS),
                ExtProcessors.read(root, paths), ScriptHandlerEntries.read(root, paths, binding),
                Settings.bool(root, "autoLoadHtaccess").orElse(false));
    }

    /** The server-level settings around the listeners and vhosts; {@code fileStart} null means no mime is needed. */
    private ServerConfig serverConfig(Block root, Path configFile, PathResolver paths, Span fileStart,
                                      VirtualHostBinder.ServerDefaults defaults, List<Listener> built,
                                      List<VirtualHost> hosts) {
        Path serverRoot = paths.serverRoot();
        Optional<Directive> mimeLine = root.first("mime").filter(d -> !d.value().isBlank());
        MimeTypes mime;
        if (mimeLine.isEmpty() && fileStart == null) {
            mime = new MimeTypes(Map.of(), Mime.FALLBACK);
        } else if (mimeLine.isEmpty()) {
            binding.report(Code.MISSING_MIME, fileStart, "the server config has no `mime` directive",
                    "OLS refuses to start without it: add `mime conf/mime.properties`.");
            mime = new MimeTypes(Map.of(), Mime.FALLBACK);
        } else {
            mime = Mime.read(paths.resolve(mimeLine.get().value()), binding, mimeLine.get().valueSpan());
        }
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
                new RunAs(named(root, "user"), named(root, "group")));
    }

    private static Optional<RunAs.Named> named(Block root, String key) {
        return root.first(key).filter(d -> !d.value().isBlank())
                .map(d -> new RunAs.Named(d.value().trim(), d.valueSpan()));
    }

    private Map<String, ListenerDraft> listeners(Block root, PathResolver paths) {
        Map<String, ListenerDraft> byName = new LinkedHashMap<>();
        Map<String, ListenerDraft> byAddress = new LinkedHashMap<>();
        for (Directive d : root.all("listener")) {
            Block body = Block.of(d);
            String name = Block.nameOf(d, "name").orElse("");
            declaredListeners.add(name);
            Optional<Directive> addressLine = body.first("address").filter(a -> !a.value().isBlank());
            if (addressLine.isEmpty()) {
                binding.report(Code.MISSING_REQUIRED, d.span(), "listener `" + name + "` has no address",
                        "Add `address *:<port>` (or ip:port, [ipv6]:port).");
                body.all("map").forEach(line -> mapLinesOfDroppedListeners.add(new DroppedMapLine(name, line)));
                continue;
            }
            Optional<ListenAddress> address = ListenAddresses.parse(addressLine.get().value()).get();
            if (address.isEmpty()) {
                body.all("map").forEach(line -> mapLinesOfDroppedListeners.add(new DroppedMapLine(name, line)));
                continue;
            }
            ListenerDraft earlier = byName.containsKey(name) ? byName.get(name)
                    : byAddress.get(address.get().ip() + "|" + address.get().port());
            if (earlier != null) {
                binding.diagnostics.add(Diagnostic.of(Code.DUPLICATE_LISTENER, d.valueSpan(),
                                "listener `" + name + "` repeats the name or address of listener `" + earlier.name + "`",
                                "Give each listener its own name and address; this one is ignored.")
                        .withRelated(earlier.span, "first defined here"));
                continue;
            }
            boolean secure = Settings.bool(body, "secure").orElse(false);
            ListenerDraft draft = new ListenerDraft(name, address.get(), secure,
                    Settings.bool(body, "reusePort").orElse(true), Tls.read(body, paths, d.span()), d.span(),
                    body.all("map"));
            byName.put(name, draft);
            byAddress.put(address.get().ip() + "|" + address.get().port(), draft);
        }
        return byName;
    }

    /** Reports each name in a vhost's (or template's) {@code listeners} key that is no listener. */
    private void checkListenersKey(Directive key) {
        for (String name : listenerNames(key)) {
            if (!declaredListeners.contains(name)) {
                binding.report(Code.UNKNOWN_LISTENER, key.valueSpan(), "no listener named `" + name + "`",
                        "Define `listener " + name + " { address ... }`, or correct the name.");
            }
        }
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

    /** {@code map} lines; a vhost that is declared but could not be bound was reported already. */
    private void mapLines(Map<String, ListenerDraft> listeners, Map<String, VirtualHostBinder.Bound> vhosts,
                          Map<String, Directive> declared) {
        for (ListenerDraft listener : listeners.values()) {
            for (Directive line : listener.mapLines) {
                String[] parts = line.value().trim().split("[ \\t]+", 2);
                String vhost = parts[0];
                if (!vhosts.containsKey(vhost)) {
                    reportUnlessDeclared(listener.name, line, vhost, declared);
                    continue;
                }
                for (String domain : Domains.list(parts.length > 1 ? parts[1] : "")) {
                    map(listener, new HostMapping(domain, vhost, line.span()));
                }
            }
        }
        for (DroppedMapLine dropped : mapLinesOfDroppedListeners) {
            String vhost = dropped.line().value().trim().split("[ \\t]+", 2)[0];
            if (!vhosts.containsKey(vhost)) {
                reportUnlessDeclared(dropped.listener(), dropped.line(), vhost, declared);
            }
        }
    }

    /** A map line naming an undefined vhost; one declared but not bound was reported already. */
    private void reportUnlessDeclared(String listener, Directive line, String vhost, Map<String, Directive> declared) {
        if (!declared.containsKey(vhost)) {
            binding.report(Code.UNKNOWN_VHOST, line.valueSpan(), "listener `" + listener
                            + "` maps virtual host `" + vhost + "`, which is not defined",
                    "OLS ignores this map line silently; define the vhost or correct the name.");
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

    /** Lets the template binder check its listeners key and add its mappings in their place in the startup order. */
    interface ListenersKey {
        /** Reports the names in the key that are no listener, once per template, members or not. */
        void check(Directive listenersKey);

        void map(Directive listenersKey, VirtualHostBinder.Bound member);
    }
}
