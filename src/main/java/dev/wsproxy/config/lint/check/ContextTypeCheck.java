package dev.wsproxy.config.lint.check;

import dev.wsproxy.config.ast.Block;
import dev.wsproxy.config.ast.Directive;
import dev.wsproxy.config.diag.Code;
import dev.wsproxy.config.diag.Diagnostics;
import dev.wsproxy.config.load.ConfigTree;
import dev.wsproxy.config.model.ServerConfig;
import dev.wsproxy.config.value.RouteClaims;
import java.util.Locale;
import java.util.Set;

/**
 * WSP213: a context of a type wsproxy does not run (lsapi, fcgi, cgi, servlet ...). The binder keeps it, so that
 * its URIs answer 503 instead of reaching other contexts.
 */
public final class ContextTypeCheck implements TreeCheck {
    private static final Set<String> RUN = Set.of("null", "static", "redirect", "proxy");

    @Override
    public Set<Code> codes() {
        return Set.of(Code.UNSUPPORTED_TYPE);
    }

    @Override
    public void check(ConfigTree tree, ServerConfig config, Diagnostics out) {
        for (BoundVhost vhost : BoundVhost.all(tree, config)) {
            for (RouteClaims.Claim claim : RouteClaims.contexts(vhost.config()).accepted()) {
                Block.of(claim.block()).first("type").filter(t -> !t.value().isBlank())
                        .filter(t -> !RUN.contains(t.value().trim().toLowerCase(Locale.ROOT)))
                        .ifPresent(type -> report(type, claim.uri().text(), out));
            }
        }
    }

    private static void report(Directive type, String uri, Diagnostics out) {
        out.add(Code.UNSUPPORTED_TYPE, type.valueSpan(), "context type `" + type.value().trim().toLowerCase(Locale.ROOT)
                        + "` is not run by wsproxy; requests under `" + uri + "` get 503",
                "wsproxy runs no lsapi, fcgi, cgi or servlet apps. It answers 503, as OLS does when the app cannot"
                        + " start, and never serves the files there. To serve the app, run it as an HTTP server and"
                        + " proxy to it: `extprocessor app { type proxy; address 127.0.0.1:9000 }` and `context "
                        + uri + " { type proxy; handler app }`.");
    }
}
