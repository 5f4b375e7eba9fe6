package dev.wsproxy.config.lint.check;

import dev.wsproxy.config.diag.Diagnostics;
import dev.wsproxy.config.load.ConfigTree;
import dev.wsproxy.config.model.ServerConfig;

/**
 * A lint check that compares the config as written with what the binder made of it: what it left out, and why.
 * Tree checks run before the others, in the place the binder once reported these in.
 */
public interface TreeCheck extends Check {
    void check(ConfigTree tree, ServerConfig config, Diagnostics out);
}
