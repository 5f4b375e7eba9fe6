package dev.wsproxy.config.lint.check;

import dev.wsproxy.config.ast.Block;
import dev.wsproxy.config.ast.Directive;
import dev.wsproxy.config.load.ConfigFile;
import dev.wsproxy.config.load.ConfigTree;
import dev.wsproxy.config.load.VhostConfigs;
import dev.wsproxy.config.model.ServerConfig;
import dev.wsproxy.config.model.VirtualHost;
import dev.wsproxy.config.schema.Scope;
import dev.wsproxy.config.source.Span;
import dev.wsproxy.config.value.PathResolver;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A vhost of the model with the config block it was bound from and the paths its values were resolved with. */
record BoundVhost(VirtualHost host, Block config, PathResolver paths) {

    /** Every bound vhost whose config is in the tree, found by where its entry, member or lone file starts. */
    static List<BoundVhost> all(ConfigTree tree, ServerConfig config) {
        Map<Span, Block> configs = configsBySpan(tree);
        PathResolver server = PathResolver.server(tree.serverRoot());
        return config.virtualHosts().stream().filter(host -> configs.containsKey(host.span()))
                .map(host -> new BoundVhost(host, configs.get(host.span()), server.forVhost(host.name(), host.domain())
                        .withVhRoot(host.vhRoot()).withDocRoot(host.docRoot())))
                .toList();
    }

    private static Map<Span, Block> configsBySpan(ConfigTree tree) {
        ConfigFile entry = tree.entry();
        Block root = Block.of(entry.directives());
        Map<Span, Block> configs = new HashMap<>();
        if (!tree.isServer()) {
            configs.put(Span.at(entry.path(), 1, 1),
                    entry.scope() == Scope.TEMPLATE ? root.child("virtualHostConfig") : root);
            return configs;
        }
        for (Directive d : root.all("virtualhost")) {
            Block block = Block.of(d);
            Block.nameOf(d, "name").ifPresent(name ->
                    configs.putIfAbsent(d.span(), VhostConfigs.ofEntry(tree, name, block).orElse(block)));
        }
        for (Directive template : root.all("vhTemplate")) {
            VhostConfigs.templateOf(tree, Block.of(template)).flatMap(VhostConfigs::memberConfig).ifPresent(vhConfig ->
                    Block.of(template).all("member").forEach(member -> configs.put(member.span(), Block.of(vhConfig))));
        }
        return configs;
    }
}
