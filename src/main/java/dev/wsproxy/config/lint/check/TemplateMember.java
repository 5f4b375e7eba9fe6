package dev.wsproxy.config.lint.check;

import dev.wsproxy.config.ast.Block;
import dev.wsproxy.config.ast.Directive;
import dev.wsproxy.config.load.ConfigTree;
import dev.wsproxy.config.load.VhostConfigs;
import dev.wsproxy.config.model.ServerConfig;
import dev.wsproxy.config.model.VirtualHost;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A template member OLS sets up: its template file was read and has a {@code virtualHostConfig}, and no vhost
 * of its name was bound before it (one bound is in the model; a member bound is there under its own span).
 *
 * @param templateRoot the template file's root keys, the member's entry
 * @param config       the template's {@code virtualHostConfig}, the member's config
 */
record TemplateMember(String name, Directive member, Block templateRoot, Block config) {

    static List<TemplateMember> all(ConfigTree tree, ServerConfig config) {
        Map<String, VirtualHost> bound = config.virtualHosts().stream()
                .collect(Collectors.toMap(VirtualHost::name, Function.identity(), (a, b) -> a));
        List<TemplateMember> members = new ArrayList<>();
        for (Directive template : Block.of(tree.entry().directives()).all("vhTemplate")) {
            Optional<Block> templateRoot = VhostConfigs.templateOf(tree, Block.of(template));
            Optional<Directive> vhConfig = templateRoot.flatMap(VhostConfigs::memberConfig);
            if (vhConfig.isEmpty()) {
                continue;
            }
            for (Directive member : Block.of(template).all("member")) {
                Block.nameOf(member, "name")
                        .filter(name -> !bound.containsKey(name) || bound.get(name).span().equals(member.span()))
                        .ifPresent(name -> members.add(new TemplateMember(name, member, templateRoot.get(),
                                Block.of(vhConfig.get()))));
            }
        }
        return members;
    }

    /** The member's own keys, which override the template's. */
    Block overrides() {
        return member.isBlock() ? Block.of(member) : Block.empty();
    }
}
