package dev.wsproxy.config.syntax;

import java.nio.file.Path;

/**
 * Reads OpenLiteSpeed plain-text config files into directive trees, the way OLS 1.9.1 reads them,
 * following {@code include} lines. Never throws: every problem becomes a diagnostic.
 */
public final class ConfigParser {
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

    /** Parses {@code file} and what it includes; an unreadable file gives a WSP109 diagnostic. */
    public ParseResult parseFile(Path file) {
        return new ParseSession(serverRoot, reportMissingIncludes).parseRoot(file);
    }

    /** Parses {@code text} as if it were the content of {@code pretendFile}; includes are relative to its directory. */
    public ParseResult parseText(Path pretendFile, String text) {
        return new ParseSession(serverRoot, reportMissingIncludes).parseRootText(pretendFile, text);
    }
}
