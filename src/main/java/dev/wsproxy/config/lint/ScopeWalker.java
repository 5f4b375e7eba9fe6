package dev.wsproxy.config.lint;

import dev.wsproxy.config.ast.Block;
import dev.wsproxy.config.ast.Directive;
import dev.wsproxy.config.diag.Diagnostics;
import dev.wsproxy.config.lint.check.DirectiveCheck;
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
final class ScopeWalker {
    private final DirectiveTable table;
    private final List<DirectiveCheck> checks;

    ScopeWalker(DirectiveTable table, List<DirectiveCheck> checks) {
        this.table = table;
        this.checks = List.copyOf(checks);
    }

    void walk(ConfigFile file, Diagnostics out) {
        walk(file.scope(), file.directives(), checks.stream().map(check -> Linter.sink(check, out)).toList());
    }

    /** @param sinks each check's sink, in the order of {@link #checks} */
    private void walk(Scope scope, List<Directive> directives, List<Diagnostics> sinks) {
        List<Directive> body = Block.of(directives).directives();
        for (int i = 0; i < checks.size(); i++) {
            checks.get(i).body(scope, body, sinks.get(i));
        }
        for (Directive d : body) {
            Optional<DirectiveSpec> spec = table.find(scope, d.name());
            for (int i = 0; i < checks.size(); i++) {
                checks.get(i).directive(d, scope, spec, sinks.get(i));
            }
            if (d.isBlock() && spec.isPresent() && spec.get().body().isPresent()
                    && spec.get().body().get().raw() != Scope.Raw.TEXT) {
                walk(spec.get().body().get(), d.children(), sinks);
            }
        }
    }
}
