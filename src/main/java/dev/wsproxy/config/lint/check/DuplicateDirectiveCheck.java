package dev.wsproxy.config.lint.check;

import dev.wsproxy.config.ast.Directive;
import dev.wsproxy.config.diag.Code;
import dev.wsproxy.config.diag.Diagnostic;
import dev.wsproxy.config.diag.Diagnostics;
import dev.wsproxy.config.schema.DirectiveSpec;
import dev.wsproxy.config.schema.DirectiveTable;
import dev.wsproxy.config.schema.Scope;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** WSP209: a single-valued directive given twice in one block; OLS reads the first and ignores the rest. */
public final class DuplicateDirectiveCheck implements DirectiveCheck {
    private final DirectiveTable table;

    public DuplicateDirectiveCheck(DirectiveTable table) {
        this.table = table;
    }

    @Override
    public Set<Code> codes() {
        return Set.of(Code.DUPLICATE_DIRECTIVE);
    }

    @Override
    public void body(Scope scope, List<Directive> body, Diagnostics out) {
        Map<String, Directive> seen = new HashMap<>();
        for (Directive d : body) {
            Optional<DirectiveSpec> spec = table.find(scope, d.name());
            if (spec.isEmpty() || spec.get().repeats()) {
                continue;
            }
            Directive first = seen.putIfAbsent(d.name().toLowerCase(Locale.ROOT), d);
            if (first != null) {
                out.add(Diagnostic.of(Code.DUPLICATE_DIRECTIVE, d.span(), "`" + spec.get().name()
                                + "` is given twice in " + scope.title(),
                        "OLS uses the first one (`" + first.value().trim() + "`); remove this line.")
                        .withRelated(first.span(), "first given here"));
            }
        }
    }
}
