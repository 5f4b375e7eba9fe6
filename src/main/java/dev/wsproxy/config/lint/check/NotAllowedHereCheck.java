package dev.wsproxy.config.lint.check;

import dev.wsproxy.config.ast.Directive;
import dev.wsproxy.config.diag.Code;
import dev.wsproxy.config.diag.Diagnostics;
import dev.wsproxy.config.schema.DirectiveSpec;
import dev.wsproxy.config.schema.DirectiveTable;
import dev.wsproxy.config.schema.Scope;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** WSP203: a directive OLS knows, written in a block where it is not read ("`keepAliveTimeout` belongs in `tuning`"). */
public final class NotAllowedHereCheck implements DirectiveCheck {
    private final DirectiveTable table;

    public NotAllowedHereCheck(DirectiveTable table) {
        this.table = table;
    }

    @Override
    public Set<Code> codes() {
        return Set.of(Code.NOT_ALLOWED_HERE);
    }

    @Override
    public void directive(Directive d, Scope scope, Optional<DirectiveSpec> spec, Diagnostics out) {
        if (spec.isPresent() || (scope.keepsUnknownLines() && scope != Scope.CONTEXT)) {
            return;
        }
        List<Scope> homes = table.scopesOf(d.name());
        if (homes.isEmpty()) {
            return;
        }
        String canonical = table.find(homes.get(0), d.name()).map(DirectiveSpec::name).orElse(d.name());
        String where = homes.stream().map(s -> "`" + s.title() + "`").distinct().limit(3)
                .collect(Collectors.joining(" or "));
        out.add(Code.NOT_ALLOWED_HERE, d.span(), "`" + canonical + "` is not allowed in " + scope.title(),
                "`" + canonical + "` belongs in " + where + "; OLS ignores it here. Move it there.");
    }
}
