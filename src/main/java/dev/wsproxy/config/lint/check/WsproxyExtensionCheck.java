package dev.wsproxy.config.lint.check;

import dev.wsproxy.config.ast.Directive;
import dev.wsproxy.config.diag.Code;
import dev.wsproxy.config.diag.Diagnostics;
import dev.wsproxy.config.schema.DirectiveSpec;
import dev.wsproxy.config.schema.Scope;
import java.util.Optional;
import java.util.Set;

/** WSP313: {@code idleTimeout} in a websocket block is a wsproxy key; OLS drops it and has no tunnel timeout. */
public final class WsproxyExtensionCheck implements DirectiveCheck {

    @Override
    public Set<Code> codes() {
        return Set.of(Code.WSPROXY_EXTENSION);
    }

    @Override
    public void directive(Directive d, Scope scope, Optional<DirectiveSpec> spec, Diagnostics out) {
        if (scope == Scope.WEBSOCKET && d.is("idleTimeout")) {
            out.add(Code.WSPROXY_EXTENSION, d.span(), "`idleTimeout` is a wsproxy extension",
                    "wsproxy closes a tunnel idle this many seconds; OpenLiteSpeed ignores the key (\"Not support\")"
                            + " and never times tunnels out. Nothing to fix if this config only runs on wsproxy.");
        }
    }
}
