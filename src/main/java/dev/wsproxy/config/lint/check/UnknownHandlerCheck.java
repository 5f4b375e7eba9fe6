package dev.wsproxy.config.lint.check;

import dev.wsproxy.config.diag.Code;
import dev.wsproxy.config.diag.Diagnostics;
import dev.wsproxy.config.load.ConfigTree;
import dev.wsproxy.config.model.ServerConfig;
import java.util.Set;

/**
 * WSP307: a proxy context whose handler names no extprocessor of its vhost or the server; the binder leaves the
 * context out. A lone vhost file is not checked: the server's extprocessors are unknown there.
 */
public final class UnknownHandlerCheck implements TreeCheck {

    @Override
    public Set<Code> codes() {
        return Set.of(Code.UNKNOWN_HANDLER);
    }

    @Override
    public void check(ConfigTree tree, ServerConfig config, Diagnostics out) {
        if (!tree.isServer()) {
            return;
        }
        for (ProxyHandler handler : ProxyHandler.all(tree, config)) {
            if (handler.processor().isEmpty()) {
                out.add(Code.UNKNOWN_HANDLER, handler.line().valueSpan(), "no extprocessor named `" + handler.name() + "`",
                        "Define `extprocessor " + handler.name() + " { type proxy; address host:port }` at server or"
                                + " vhost level, or correct the handler name.");
            }
        }
    }
}
