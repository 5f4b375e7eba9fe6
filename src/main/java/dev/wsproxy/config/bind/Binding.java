package dev.wsproxy.config.bind;

import dev.wsproxy.config.diag.Diagnostics;
import dev.wsproxy.config.load.ConfigTree;

/** What every binder shares: the diagnostics sink, the config tree and its filesystem switch. */
final class Binding {
    final Diagnostics diagnostics;
    final ConfigTree tree;
    final boolean checkFilesystem;

    Binding(Diagnostics diagnostics, ConfigTree tree) {
        this.diagnostics = diagnostics;
        this.tree = tree;
        this.checkFilesystem = tree.checksFilesystem();
    }
}
