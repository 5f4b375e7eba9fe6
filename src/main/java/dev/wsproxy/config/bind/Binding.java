package dev.wsproxy.config.bind;

import dev.wsproxy.config.diag.Code;
import dev.wsproxy.config.diag.Diagnostics;
import dev.wsproxy.config.load.ConfigFile;
import dev.wsproxy.config.source.Span;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** What every binder shares: the diagnostics sink, the file reader, the filesystem switch and the files read. */
final class Binding {
    final Diagnostics diagnostics;
    final ConfigReader reader;
    final boolean checkFilesystem;
    final List<ConfigFile> files = new ArrayList<>();
    /** False when a lone vhost file is bound: server-level extprocessors are then unknown, not missing. */
    boolean serverKnown = true;

    Binding(Diagnostics diagnostics, ConfigReader reader, boolean checkFilesystem) {
        this.diagnostics = diagnostics;
        this.reader = reader;
        this.checkFilesystem = checkFilesystem;
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
