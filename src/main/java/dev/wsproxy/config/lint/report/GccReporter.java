package dev.wsproxy.config.lint.report;

import dev.wsproxy.config.diag.Diagnostic;
import java.nio.file.Path;

/**
 * Formats a diagnostic the way gcc does, so editors and CI annotate it as is:
 * {@code file:line:col: severity: summary. detail [WSPnnn]}, the file relative to the current directory.
 */
public final class GccReporter {
    private final Path cwd;

    public GccReporter() {
        this(Path.of("").toAbsolutePath());
    }

    public GccReporter(Path cwd) {
        this.cwd = cwd.toAbsolutePath().normalize();
    }

    public String format(Diagnostic d) {
        StringBuilder line = new StringBuilder();
        line.append(where(d)).append(": ").append(d.severity().label()).append(": ").append(d.summary());
        if (!d.detail().isEmpty()) {
            line.append(". ").append(d.detail());
        }
        return line.append(" [").append(d.code().id()).append(']').toString();
    }

    /** {@code path:line:col} relative to the current directory, or {@code <no file>}. */
    public String where(Diagnostic d) {
        if (!d.span().isKnown()) {
            return "<no file>";
        }
        return relative(d.span().file()) + ":" + d.span().line() + ":" + d.span().column();
    }

    /** A path as the user would type it from the current directory; absolute when that is shorter to read. */
    public String relative(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        Path rel = cwd.relativize(abs);
        int ups = 0;
        while (ups < rel.getNameCount() && rel.getName(ups).toString().equals("..")) {
            ups++;
        }
        return ups > 2 ? abs.toString() : rel.toString();
    }
}
