package dev.wsproxy.config.lint;

import dev.wsproxy.config.ast.Block;
import dev.wsproxy.config.ast.Directive;
import dev.wsproxy.config.diag.Diagnostics;
import dev.wsproxy.config.load.ConfigFile;
import dev.wsproxy.config.schema.DirectiveSpec;
import dev.wsproxy.config.schema.DirectiveTable;
import dev.wsproxy.config.schema.Scope;
import java.util.List;
import java.util.Optional;

/**
 * Walks a config file's directives with the scope each one is in, as the directive table defines it,
 * and hands every directive and block body to the directive checks. Unknown blocks and raw-content
 * blocks are not entered: their lines are not directives.
 */
public final class ScopeWalker {
    private final DirectiveTable table;
    private final List<DirectiveCheck> checks;

    public ScopeWalker(DirectiveTable table, List<DirectiveCheck> checks) {
        this.table = table;
        this.checks = List.copyOf(checks);
    }

    public void walk(ConfigFile file, Diagnostics out) {
        walk(file.scope(), file.directives(), out);
    }

    private void walk(Scope scope, List<Directive> directives, Diagnostics out) {
        List<Directive> body = Block.of(directives).directives();
        for (DirectiveCheck check : checks) {
            check.body(scope, body, out);
        }
        for (Directive d : body) {
            Optional<DirectiveSpec> spec = table.find(scope, d.name());
            for (DirectiveCheck check : checks) {
                check.directive(d, scope, spec, out);
            }
            if (d.isBlock() && spec.isPresent() && spec.get().body().isPresent()
                    && spec.get().body().get().raw() != Scope.Raw.TEXT) {
                walk(spec.get().body().get(), d.children(), out);
            }
        }
    }
}
