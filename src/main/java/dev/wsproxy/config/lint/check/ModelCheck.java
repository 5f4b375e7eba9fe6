package dev.wsproxy.config.lint.check;

import dev.wsproxy.config.diag.Diagnostics;
import dev.wsproxy.config.model.ServerConfig;

/** A lint check that looks at the bound model (listeners, vhosts, routes) rather than at directives. */
public interface ModelCheck extends Check {
    void check(ServerConfig config, Diagnostics out);
}
