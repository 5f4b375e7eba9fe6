package dev.wsproxy.config.lint.check;

import dev.wsproxy.config.ast.Directive;
import dev.wsproxy.config.diag.Code;
import dev.wsproxy.config.diag.Diagnostics;
import dev.wsproxy.config.schema.DirectiveSpec;
import dev.wsproxy.config.schema.Scope;
import java.util.Optional;
import java.util.Set;

/** WSP212: a block written as a plain line with a value ({@code tuning 1}), or a plain key opened as a block. */
public final class BlockShapeCheck implements DirectiveCheck {

    @Override
    public Set<Code> codes() {
        return Set.of(Code.BLOCK_EXPECTED);
    }

    @Override
    public void directive(Directive d, Scope scope, Optional<DirectiveSpec> spec, Diagnostics out) {
        if (spec.isEmpty()) {
            return;
        }
        String name = spec.get().name();
        if (d.isBlock() && !spec.get().canBeBlock()) {
            out.add(Code.BLOCK_EXPECTED, d.span(), "`" + name + "` is not a block",
                    "Write it as one line, `" + name + " <value>`, and close the braces.");
        } else if (!d.isBlock() && !spec.get().canBeEntry() && !d.value().isBlank()
                && spec.get().body().map(b -> b.raw() == Scope.Raw.NONE).orElse(true)) {
            out.add(Code.BLOCK_EXPECTED, d.span(), "`" + name + "` is a block",
                    "Write it as `" + name + " " + d.value().trim() + " { ... }` with its settings inside.");
        }
    }
}
