package dev.wsproxy.config.bind;

import dev.wsproxy.config.ast.Block;
import dev.wsproxy.config.ast.Directive;
import dev.wsproxy.config.load.ConfigTree;
import dev.wsproxy.config.load.FileLocations;
import dev.wsproxy.config.model.ContextRewrite;
import dev.wsproxy.config.model.ExtProcessor;
import dev.wsproxy.config.model.RewriteMap;
import dev.wsproxy.config.model.VhostRewrite;
import dev.wsproxy.config.rewrite.RewriteLine;
import dev.wsproxy.config.rewrite.RewriteParser;
import dev.wsproxy.config.rewrite.RewriteSet;
import dev.wsproxy.config.source.Span;
import dev.wsproxy.config.value.PathResolver;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a vhost's {@code rewrite} block and its contexts' as OLS does: {@code enable} (default 0),
 * {@code autoLoadHtaccess} (default: the server's), {@code map}s, and the rules — the {@code rules} text, then
 * every other line of the block, which OLS appends to it. A {@code RewriteFile}'s text comes from the
 * {@link ConfigTree}: the loader read it. Reports nothing: a rule OLS cannot parse is kept in the set's problems for lint.
 */
final class RewriteBinder {
    private static final Set<String> BLOCK_KEYS = Set.of("enable", "autoloadhtaccess", "inherit", "loglevel", "rules",
            "base", "note", "map");

    private final PathResolver paths;
    private final ConfigTree tree;

    RewriteBinder(PathResolver paths, ConfigTree tree) {
        this.paths = paths;
        this.tree = tree;
    }

    VhostRewrite bind(Block config, boolean serverAutoLoad, VhostDefaults vhost) {
        Map<String, ExtProcessor> proxies = new LinkedHashMap<>();
        for (Map<String, ExtProcessor> level : List.of(vhost.serverProcessors(), vhost.vhostProcessors())) {
            level.values().stream().filter(p -> p.type().equals("proxy")).forEach(p -> proxies.put(p.name(), p));
        }
        Block rewrite = config.child("rewrite");
        Map<String, RewriteMap> maps = maps(rewrite);
        Set<String> usable = RewriteMap.usable(maps);
        Map<String, ContextRewrite> contexts = new LinkedHashMap<>();
        for (Directive context : config.all("context")) {
            Optional<String> uri = Block.nameOf(context, "uri");
            Block block = Block.of(context).child("rewrite");
            if (uri.isPresent() && !block.directives().isEmpty()) {
                contexts.putIfAbsent(uri.get(), new ContextRewrite(Settings.bool(block, "enable"),
                        Settings.bool(block, "inherit").orElse(false),
                        block.value("base").filter(b -> b.startsWith("/") && b.length() > 1), rules(block, usable)));
            }
        }
        return new VhostRewrite(Settings.bool(rewrite, "enable").orElse(false),
                Settings.bool(rewrite, "autoLoadHtaccess").orElse(serverAutoLoad), rules(rewrite, usable), contexts, maps,
                proxies);
    }

    private RewriteSet rules(Block block, Set<String> maps) {
        List<RewriteLine> lines = new ArrayList<>();
        block.first("rules").ifPresent(r -> lines.addAll(RewriteParser.lines(r.value(), r.valueSpan())));
        for (Directive d : block.directives()) {
            if (!BLOCK_KEYS.contains(d.name().toLowerCase(java.util.Locale.ROOT))) {
                lines.add(new RewriteLine((d.name() + " " + d.value()).strip(), d.span()));
            }
        }
        return RewriteParser.parse(lines, maps, this::readFile);
    }

    /** {@code map name { location type:source }}: every map with a name and a location, the first of each name. */
    private Map<String, RewriteMap> maps(Block rewrite) {
        Map<String, RewriteMap> maps = new LinkedHashMap<>();
        for (Directive map : rewrite.all("map")) {
            Optional<String> name = Block.nameOf(map, "name");
            Optional<String> location = map.isBlock() ? Block.of(map).value("location").map(String::strip)
                    : Optional.empty();
            if (name.isPresent() && location.isPresent()) {
                RewriteMap.Kind kind = RewriteMap.Kind.of(location.get());
                Optional<Path> file = kind.readsFile()
                        ? Optional.of(paths.resolve(kind.source(location.get()))) : Optional.empty();
                maps.putIfAbsent(name.get(), new RewriteMap(kind, file, location.get(), map.span()));
            }
        }
        return maps;
    }

    /** A {@code RewriteFile}, as the loader read it; one it could not read adds no rules, as in OLS. */
    private Optional<List<RewriteLine>> readFile(String written, Span from) {
        Path file = FileLocations.rewriteFile(paths, written);
        return tree.text(file).text().map(text -> RewriteParser.lines(text, Span.at(file, 1, 1)));
    }
}
