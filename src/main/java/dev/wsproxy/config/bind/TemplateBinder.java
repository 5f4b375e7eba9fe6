package dev.wsproxy.config.bind;

import dev.wsproxy.config.ast.Block;
import dev.wsproxy.config.ast.Directive;
import dev.wsproxy.config.load.FileLocations;
import dev.wsproxy.config.load.VhostConfigs;
import dev.wsproxy.config.value.PathResolver;
import java.util.Map;
import java.util.Optional;

/**
 * Binds {@code vhTemplate} blocks as OLS does: the template file's root keys act as each member's
 * virtualhost entry and its {@code virtualHostConfig} as the member's config; a member whose name is
 * already a vhost is skipped, as in OLS.
 */
final class TemplateBinder {
    private final Binding binding;
    private final VirtualHostBinder vhosts;
    private final PathResolver paths;

    TemplateBinder(Binding binding, VirtualHostBinder vhosts, PathResolver paths) {
        this.binding = binding;
        this.vhosts = vhosts;
        this.paths = paths;
    }

    void bind(Block root, Map<String, VirtualHostBinder.Bound> bound, ServerBinder.ListenersKey listeners) {
        for (Directive template : root.all("vhTemplate")) {
            Block block = Block.of(template);
            if (FileLocations.templateFileLine(block).isEmpty()) {
                continue;
            }
            Optional<Directive> listenersKey = block.first("listeners");
            Optional<Block> templateRoot = VhostConfigs.templateOf(binding.tree, block);
            if (templateRoot.isEmpty() && !binding.checkFilesystem) {
                membersWithoutTemplate(block, bound, listenersKey, listeners);
                continue;
            }
            Optional<Directive> vhConfig = templateRoot.flatMap(VhostConfigs::memberConfig);
            if (vhConfig.isEmpty()) {
                // a template file that was not read, or has no virtualHostConfig, makes no members; lint says why
                continue;
            }
            for (Directive member : block.all("member")) {
                Optional<String> name = Block.nameOf(member, "name");
                if (name.isPresent() && !bound.containsKey(name.get())) {
                    vhosts.bindMember(name.get(), templateRoot.get(), Block.of(vhConfig.get()), overrides(member))
                            .ifPresent(b -> add(name.get(), b, bound, listenersKey, listeners));
                }
            }
        }
    }

    /** Without filesystem checks, a template file that is not on this machine still has members to map. */
    private void membersWithoutTemplate(Block template, Map<String, VirtualHostBinder.Bound> bound,
                                        Optional<Directive> listenersKey, ServerBinder.ListenersKey listeners) {
        for (Directive member : template.all("member")) {
            Optional<String> name = Block.nameOf(member, "name");
            if (name.isPresent() && !bound.containsKey(name.get())) {
                add(name.get(), vhosts.bindMemberWithoutTemplate(name.get(), overrides(member)), bound, listenersKey,
                        listeners);
            }
        }
    }

    private static VirtualHostBinder.Member overrides(Directive member) {
        Block body = member.isBlock() ? Block.of(member) : Block.empty();
        return new VirtualHostBinder.Member(body.value("vhRoot"), body.value("vhDomain"), body.value("vhAliases"),
                member.span());
    }

    private static void add(String name, VirtualHostBinder.Bound member, Map<String, VirtualHostBinder.Bound> bound,
                            Optional<Directive> listenersKey, ServerBinder.ListenersKey listeners) {
        bound.put(name, member);
        listenersKey.ifPresent(key -> listeners.map(key, member));
    }
}
