package dev.wsproxy.config.lint.report;

import dev.wsproxy.config.diag.Diagnostic;
import java.nio.file.Path;

/**
 * Formats a diagnostic the way gcc does, so editors and CI annotate it as is:
 * {@code file:line:col: severity: summary. detail [WSPnnn]}, the file relative to the current directory
 * when it lies below it.
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

    /**
     * A path as the user would type it: relative when it lies under the current directory, absolute (with
     * its leading {@code /}) otherwise, and always absolute when the current directory is {@code /} itself.
     */
    public String relative(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        boolean below = cwd.getNameCount() > 0 && abs.startsWith(cwd) && !abs.equals(cwd);
        return below ? cwd.relativize(abs).toString() : abs.toString();
    }
}
