package dev.wsproxy.config.bind;

import dev.wsproxy.config.diag.Code;
import dev.wsproxy.config.diag.Diagnostics;
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

    Binding(Diagnostics diagnostics, ConfigReader reader, boolean checkFilesystem) {
        this.diagnostics = diagnostics;
        this.reader = reader;
        this.checkFilesystem = checkFilesystem;
    }

    void report(Code code, Span span, String summary, String detail) {
        diagnostics.add(code, span, summary, detail);
    }

    /** Reports {@code code} when filesystem checks are on and {@code path} is not an existing directory. */
    boolean requireDirectory(Path path, Code code, Span span, String what) {
        if (checkFilesystem && !Files.isDirectory(path)) {
            report(code, span, what + " `" + path + "` does not exist",
                    "Create the directory, or correct the path (relative paths mean $SERVER_ROOT).");
            return false;
        }
        return true;
    }

    /** Reports {@code code} when filesystem checks are on and nothing exists at {@code path}. */
    boolean requireDirectoryOrFile(Path path, Code code, Span span, String what) {
        if (checkFilesystem && !Files.exists(path)) {
            report(code, span, what + " `" + path + "` does not exist",
                    "Create it, or correct the path (a relative location means $DOC_ROOT/).");
            return false;
        }
        return true;
    }

    /** Reports {@code code} when filesystem checks are on and {@code path} is not a readable file. */
    boolean requireFile(Path path, Code code, Span span, String what) {
        if (checkFilesystem && !Files.isReadable(path)) {
            report(code, span, what + " `" + path + "` does not exist or cannot be read",
                    "Create the file, or correct the path (relative paths mean $SERVER_ROOT).");
            return false;
        }
        return true;
    }
}
