package dev.wsproxy.config.lint.check;

import dev.wsproxy.config.ast.Block;
import dev.wsproxy.config.ast.Directive;
import dev.wsproxy.config.diag.Code;
import dev.wsproxy.config.diag.Diagnostic;
import dev.wsproxy.config.diag.Diagnostics;
import dev.wsproxy.config.load.ConfigTree;
import dev.wsproxy.config.load.FileLocations;
import dev.wsproxy.config.load.VhostConfigs;
import dev.wsproxy.config.model.ServerConfig;
import dev.wsproxy.config.value.ListenerClaims;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * WSP304, WSP305, WSP317, WSP321: how listeners and vhosts name each other. A second vhost or listener of one name
 * (or, for a listener, one address) is left out; a vhost's or template's {@code listeners} key naming no listener,
 * and a listener {@code map} line naming no vhost, are ignored by OLS in silence.
 */
public final class ServerWiringCheck implements TreeCheck {

    @Override
    public Set<Code> codes() {
        return Set.of(Code.DUPLICATE_VHOST, Code.DUPLICATE_LISTENER, Code.UNKNOWN_LISTENER, Code.UNKNOWN_VHOST);
    }

    @Override
    public void check(ConfigTree tree, ServerConfig config, Diagnostics out) {
        if (!tree.isServer()) {
            return;
        }
        Block root = Block.of(tree.entry().directives());
        ListenerClaims listeners = ListenerClaims.of(root);
        for (ListenerClaims.Repeat repeat : listeners.repeats()) {
            out.add(Diagnostic.of(Code.DUPLICATE_LISTENER, repeat.later().valueSpan(), "listener `"
                            + Block.nameOf(repeat.later(), "name").orElse("") + "` repeats the name or address of listener `"
                            + repeat.earlier().name() + "`", "Give each listener its own name and address; this one is ignored.")
                    .withRelated(repeat.earlier().block().span(), "first defined here"));
        }
        Map<String, Directive> vhosts = VhostConfigs.entries(root);
        for (Directive entry : root.all("virtualhost")) {
            Block.nameOf(entry, "name").filter(name -> !vhosts.get(name).equals(entry)).ifPresent(name -> out.add(
                    Diagnostic.of(Code.DUPLICATE_VHOST, entry.valueSpan(), "virtual host `" + name + "` is defined twice",
                                    "Rename one of them; the first definition is used.")
                            .withRelated(vhosts.get(name).span(), "first defined here")));
        }
        Stream.concat(vhosts.values().stream(), root.all("vhTemplate").stream()
                        .filter(template -> FileLocations.templateFileLine(Block.of(template)).isPresent()))
                .flatMap(block -> Block.of(block).first("listeners").stream())
                .forEach(key -> listenersKey(key, listeners, out));
        Stream.concat(listeners.accepted().stream().map(ListenerClaims.Accepted::block), listeners.unaddressed().stream())
                .forEach(listener -> mapLines(listener, vhosts, out));
    }

    private static void listenersKey(Directive key, ListenerClaims listeners, Diagnostics out) {
        Arrays.stream(key.value().split(",")).map(String::trim).filter(n -> !n.isEmpty())
                .filter(name -> !listeners.names().contains(name))
                .forEach(name -> out.add(Code.UNKNOWN_LISTENER, key.valueSpan(), "no listener named `" + name + "`",
                        "Define `listener " + name + " { address ... }`, or correct the name."));
    }

    private static void mapLines(Directive listener, Map<String, Directive> vhosts, Diagnostics out) {
        for (Directive line : Block.of(listener).all("map")) {
            String vhost = line.value().trim().split("[ \\t]+", 2)[0];
            if (!vhosts.containsKey(vhost)) {
                out.add(Code.UNKNOWN_VHOST, line.valueSpan(), "listener `" + Block.nameOf(listener, "name").orElse("")
                                + "` maps virtual host `" + vhost + "`, which is not defined",
                        "OLS ignores this map line silently; define the vhost or correct the name.");
            }
        }
    }
}
