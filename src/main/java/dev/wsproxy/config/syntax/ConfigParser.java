package dev.wsproxy.config.syntax;

import dev.wsproxy.config.diag.Code;
import dev.wsproxy.config.diag.Diagnostic;
import dev.wsproxy.config.source.ReadProblem;
import dev.wsproxy.config.source.Span;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

/**
 * Reads OpenLiteSpeed plain-text config files into directive trees, the way OLS 1.9.1 reads them,
 * following {@code include} lines. Never throws: every problem becomes a diagnostic.
 */
public final class ConfigParser {
    /** The codes the syntax stage reports: it is their one home, as each lint check is of its own codes. */
    public static final Set<Code> CODES = Set.of(Code.UNCLOSED_BLOCK, Code.EXTRA_CLOSE, Code.BRACE_WITHOUT_NAME,
            Code.UNTERMINATED_HEREDOC, Code.INCLUDE_CYCLE, Code.INCLUDE_MISSING, Code.LINE_TOO_LONG,
            Code.INCLUDE_BAD_VARIABLE, Code.FILE_UNREADABLE, Code.CONTINUATION_TOO_LONG, Code.UNREADABLE_TEXT,
            Code.INCLUDE_TOO_DEEP);

    private final Path serverRoot;
    private final boolean reportMissingIncludes;

    /** @param serverRoot the directory {@code $SERVER_ROOT/} in include paths stands for */
    public ConfigParser(Path serverRoot) {
        this(serverRoot, true);
    }

    /**
     * @param reportMissingIncludes false when the config comes from another machine ({@code lint --no-fs}):
     *                              an include that is not here may well be there
     */
    public ConfigParser(Path serverRoot, boolean reportMissingIncludes) {
        this.serverRoot = serverRoot.toAbsolutePath().normalize();
        this.reportMissingIncludes = reportMissingIncludes;
    }

    /**
     * The error for a config file that cannot be read at all, saying why (no such file, is a directory,
     * permission denied); empty when it can be read.
     */
    public static Optional<Diagnostic> unreadable(Path file) {
        return ReadProblem.of(file).map(why -> Diagnostic.of(Code.FILE_UNREADABLE, Span.at(file, 1, 1),
                "cannot read config file `" + file + "`: " + why, "Check the path and its permissions."));
    }

    /** Parses {@code file} and what it includes; an unreadable file gives a WSP109 diagnostic. */
    public ParseResult parseFile(Path file) {
        return new ParseSession(serverRoot, reportMissingIncludes).parseRoot(file);
    }

    /** Parses {@code text} as if it were the content of {@code pretendFile}; includes are relative to its directory. */
    public ParseResult parseText(Path pretendFile, String text) {
        return new ParseSession(serverRoot, reportMissingIncludes).parseRootText(pretendFile, text);
    }
}
