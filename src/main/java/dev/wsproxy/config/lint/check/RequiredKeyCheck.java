package dev.wsproxy.config.lint.check;

import dev.wsproxy.config.ast.Block;
import dev.wsproxy.config.ast.Directive;
import dev.wsproxy.config.diag.Code;
import dev.wsproxy.config.diag.Diagnostics;
import dev.wsproxy.config.load.ConfigFile;
import dev.wsproxy.config.load.ConfigTree;
import dev.wsproxy.config.load.VhostConfigs;
import dev.wsproxy.config.model.ServerConfig;
import dev.wsproxy.config.schema.Scope;
import dev.wsproxy.config.source.Span;
import dev.wsproxy.config.value.Numbers;
import dev.wsproxy.config.value.RouteClaims;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * WSP204: a block without what OLS needs to set it up, which the binder leaves out: a virtualhost without a name,
 * vhRoot or docRoot, a listener without an address, a context without a URI, a redirect without a location, a
 * proxy context without a handler, a websocket block without a URI or an address.
 */
public final class RequiredKeyCheck implements TreeCheck {

    @Override
    public Set<Code> codes() {
        return Set.of(Code.MISSING_REQUIRED);
    }

    @Override
    public void check(ConfigTree tree, ServerConfig config, Diagnostics out) {
        ConfigFile entry = tree.entry();
        Block root = Block.of(entry.directives());
        if (tree.isServer()) {
            server(tree, root, out);
            for (TemplateMember member : TemplateMember.all(tree, config)) {
                if (member.overrides().value("vhRoot").or(() -> member.templateRoot().value("vhRoot")).isEmpty()) {
                    report(member.member().span(), "virtual host `" + member.name() + "` has no vhRoot",
                            "OLS refuses a vhost without an existing vhRoot: add `vhRoot <directory>`.", out);
                }
                docRoot(member.name(), member.config(), member.member().span(), out);
            }
        } else {
            String name = VhostConfigs.loneName(entry.path());
            Block vhost = entry.scope() == Scope.TEMPLATE ? root.child("virtualHostConfig") : root;
            docRoot(name, vhost, Span.at(entry.path(), 1, 1), out);
        }
        for (BoundVhost vhost : BoundVhost.all(tree, config)) {
            contexts(vhost.config(), out);
            websockets(vhost.config(), out);
        }
    }

    private static void server(ConfigTree tree, Block root, Diagnostics out) {
        for (Directive listener : root.all("listener")) {
            if (Block.of(listener).value("address").isEmpty()) {
                report(listener.span(), "listener `" + Block.nameOf(listener, "name").orElse("") + "` has no address",
                        "Add `address *:<port>` (or ip:port, [ipv6]:port).", out);
            }
        }
        for (Directive vhost : root.all("virtualhost")) {
            if (Block.nameOf(vhost, "name").isEmpty()) {
                report(vhost.span(), "virtualhost has no name",
                        "Write the name after the keyword: virtualhost <name> { ... }.", out);
            }
        }
        for (Map.Entry<String, Directive> vhost : VhostConfigs.entries(root).entrySet()) {
            Block block = Block.of(vhost.getValue());
            if (block.value("vhRoot").isEmpty()) {
                report(vhost.getValue().span(), "virtual host `" + vhost.getKey() + "` has no vhRoot",
                        "OLS refuses a vhost without an existing vhRoot: add `vhRoot <directory>`.", out);
            }
            // a configFile that was not read leaves the docRoot unknown, unless the block itself names one
            Optional<Block> read = VhostConfigs.ofEntry(tree, vhost.getKey(), block);
            if (read.isPresent() || !tree.checksFilesystem() && block.has("docRoot")) {
                docRoot(vhost.getKey(), read.orElse(block), vhost.getValue().span(), out);
            }
        }
    }

    private static void docRoot(String name, Block config, Span span, Diagnostics out) {
        if (config.value("docRoot").isEmpty()) {
            report(config.directives().isEmpty() ? span : config.directives().get(0).span(),
                    "virtual host `" + name + "` has no docRoot",
                    "OLS refuses the vhost: add `docRoot $VH_ROOT/html/` (or another directory) to its config.", out);
        }
    }

    private static void contexts(Block config, Diagnostics out) {
        for (Directive d : config.all("context")) {
            if (Block.nameOf(d, "uri").isEmpty()) {
                report(d.span(), "context has no URI",
                        "Write the URI after the keyword: context /path/ { ... } or context exp:regex { ... }.", out);
            }
        }
        for (RouteClaims.Claim claim : RouteClaims.contexts(config).accepted()) {
            Block body = Block.of(claim.block());
            String type = body.value("type").orElse("").toLowerCase(Locale.ROOT);
            long status = body.value("statusCode").flatMap(v -> Numbers.number(v).get()).orElse(302L);
            if (type.equals("redirect") && body.value("location").isEmpty() && status < 400) {
                report(claim.block().span(), "redirect context `" + claim.uri().text() + "` has no location",
                        "Add `location <URL or /path>`, or a 4xx statusCode to answer with that status.", out);
            } else if (type.equals("proxy") && body.value("handler").isEmpty()) {
                report(claim.block().span(), "proxy context `" + claim.uri().text() + "` has no handler",
                        "Add `handler <extprocessor name>` naming an extprocessor of type proxy.", out);
            }
        }
    }

    private static void websockets(Block config, Diagnostics out) {
        for (Directive d : config.all("websocket")) {
            boolean hasUri = Block.nameOf(d, "uri").isPresent();
            if (!hasUri || Block.of(d).value("address").isEmpty()) {
                report(d.span(), "websocket block has no " + (hasUri ? "address" : "URI"),
                        "OLS silently skips it. Write `websocket /path/ { address host:port }`.", out);
            }
        }
    }

    private static void report(Span span, String summary, String detail, Diagnostics out) {
        out.add(Code.MISSING_REQUIRED, span, summary, detail);
    }
}
