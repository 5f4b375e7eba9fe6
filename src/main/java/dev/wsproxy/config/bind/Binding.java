package dev.wsproxy.config.bind;

import dev.wsproxy.config.diag.Code;
import dev.wsproxy.config.diag.Diagnostics;
import dev.wsproxy.config.load.ConfigTree;
import dev.wsproxy.config.source.Span;

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

    void report(Code code, Span span, String summary, String detail) {
        diagnostics.add(code, span, summary, detail);
    }
}
