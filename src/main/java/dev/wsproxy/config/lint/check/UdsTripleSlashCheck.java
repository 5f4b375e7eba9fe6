package dev.wsproxy.config.lint.check;

import dev.wsproxy.config.ast.Directive;
import dev.wsproxy.config.diag.Code;
import dev.wsproxy.config.diag.Diagnostics;
import dev.wsproxy.config.schema.DirectiveSpec;
import dev.wsproxy.config.schema.Scope;
import java.util.Optional;
import java.util.Set;

/** WSP320: a websocket or extprocessor address {@code uds:///path}, which OLS reads as {@code //path}. */
public final class UdsTripleSlashCheck implements DirectiveCheck {

    @Override
    public Set<Code> codes() {
        return Set.of(Code.UDS_TRIPLE_SLASH);
    }

    @Override
    public void directive(Directive d, Scope scope, Optional<DirectiveSpec> spec, Diagnostics out) {
        if ((scope != Scope.WEBSOCKET && scope != Scope.EXTPROCESSOR) || !d.is("address") || !isTripleSlash(d.value())) {
            return;
        }
        out.add(Code.UDS_TRIPLE_SLASH, d.valueSpan(), "`" + d.value().trim() + "` has one slash too many",
                "uds:// is followed by the path without its leading slash: write uds://tmp/app.sock for"
                        + " /tmp/app.sock (OLS reads uds:///x as //x).");
    }

    static boolean isTripleSlash(String address) {
        return address.trim().regionMatches(true, 0, "uds:///", 0, 7);
    }
}
