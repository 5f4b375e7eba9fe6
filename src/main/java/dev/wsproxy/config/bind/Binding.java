package dev.wsproxy.config.bind;

import dev.wsproxy.config.diag.Code;
import dev.wsproxy.config.diag.Diagnostics;
import dev.wsproxy.config.load.ConfigTree;
import dev.wsproxy.config.source.Span;
import java.nio.file.Files;
import java.nio.file.Path;

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

    /**
     * Reports {@code code} when filesystem checks are on and {@code path} does not exist (as a directory when
     * {@code directory}); {@code base} says what a relative path is relative to, for the fix.
     */
    void requireExisting(Path path, boolean directory, Code code, Span span, String what, String base) {
        boolean exists = directory ? Files.isDirectory(path) : Files.exists(path);
        if (checkFilesystem && !exists) {
            report(code, span, what + " `" + path + "` does not exist",
                    "Create it, or correct the path (a relative path means " + base + ").");
        }
    }
}
