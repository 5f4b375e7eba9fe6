package dev.wsproxy.config.syntax;

import dev.wsproxy.config.ast.Directive;
import dev.wsproxy.config.diag.Code;
import dev.wsproxy.config.diag.Diagnostic;
import dev.wsproxy.config.diag.Diagnostics;
import dev.wsproxy.config.source.ReadProblem;
import dev.wsproxy.config.source.Span;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * One parse of a root file and everything it includes: the diagnostics collected so far and the
 * chain of files being read, which finds include cycles.
 */
final class ParseSession {
    /** Real configs nest includes two or three deep; a longer chain is generated garbage. */
    static final int MAX_INCLUDE_DEPTH = 64;
    /** OLS reads at most 100 MB of a config file. */
    private static final long MAX_FILE_BYTES = 100L * 1024 * 1024;

    private final Diagnostics diagnostics = new Diagnostics();
    private final IncludeTargets includeTargets;
    /** The files being read, innermost first, each with the include line that brought it in. */
    private final Deque<Reading> chain = new ArrayDeque<>();

    ParseSession(Path serverRoot, boolean reportMissingIncludes) {
        this.includeTargets = new IncludeTargets(serverRoot, diagnostics, reportMissingIncludes);
    }

    ParseResult parseRoot(Path file) {
        List<Directive> directives = read(file, Span.at(file, 1, 1)).map(this::parse).orElse(List.of());
        return new ParseResult(directives, diagnostics.list());
    }

    ParseResult parseRootText(Path file, String text) {
        return new ParseResult(parse(SourceText.of(file, text)), diagnostics.list());
    }

    private Optional<SourceText> read(Path file, Span blame) {
        String problem;
        try {
            problem = ReadProblem.of(file).orElse(null);
            if (problem == null && Files.size(file) > MAX_FILE_BYTES) {
                problem = "larger than the 100 MB OLS reads";
            }
            if (problem == null) {
                return Optional.of(SourceText.decode(file, Files.readAllBytes(file)));
            }
        } catch (IOException e) {
            problem = ReadProblem.of(e);
        } catch (RuntimeException e) {
            problem = String.valueOf(e.getMessage());
        }
        diagnostics.add(Code.FILE_UNREADABLE, blame, "cannot read config file " + file + ": " + problem,
                "OLS logs \"Cannot open configuration file\" and skips it. Check that the file exists and that "
                        + "wsproxy may read it.");
        return Optional.empty();
    }

    private List<Directive> parse(SourceText source) {
        chain.push(new Reading(identity(source.file()), null));
        try {
            return FileParser.parse(source, diagnostics, this::loadIncluded);
        } finally {
            chain.pop();
        }
    }

    private List<Directive> loadIncluded(Directive include) {
        Path includingFile = include.span().file();
        List<Directive> loaded = new ArrayList<>();
        for (Path file : includeTargets.of(include, includingFile)) {
            Path identity = identity(file);
            if (isBeingRead(identity)) {
                diagnostics.add(cycle(include, identity));
                continue;
            }
            if (chain.size() > MAX_INCLUDE_DEPTH) {
                diagnostics.add(Code.INCLUDE_TOO_DEEP, include.valueSpan(),
                        "includes are nested more than " + MAX_INCLUDE_DEPTH + " deep; " + file + " is not read",
                        "Include the files from one place instead of chaining them.");
                break;
            }
            chain.push(new Reading(identity, include));
            try {
                read(file, include.valueSpan()).ifPresent(source -> loaded.addAll(FileParser.parse(source, diagnostics, this::loadIncluded)));
            } finally {
                chain.pop();
            }
        }
        return loaded;
    }

    private boolean isBeingRead(Path identity) {
        return chain.stream().anyMatch(reading -> reading.file().equals(identity));
    }

    private Diagnostic cycle(Directive include, Path target) {
        List<Reading> loop = new ArrayList<>();
        for (Reading reading : chain) {
            loop.add(0, reading);
            if (reading.file().equals(target)) {
                break;
            }
        }
        StringBuilder path = new StringBuilder();
        for (Reading reading : loop) {
            path.append(reading.file().getFileName()).append(" -> ");
        }
        path.append(target.getFileName());
        Diagnostic diagnostic = Diagnostic.of(Code.INCLUDE_CYCLE, include.valueSpan(), "include cycle: " + path,
                "OLS would read these files again and again. Remove one of the includes in this chain.");
        for (Reading reading : loop) {
            if (reading.includedBy() != null) {
                diagnostic = diagnostic.withRelated(reading.includedBy().valueSpan(), reading.file().getFileName() + " is included here");
            }
        }
        return diagnostic;
    }

    /** The same file reached by two paths is one file. */
    private static Path identity(Path file) {
        try {
            return file.toRealPath();
        } catch (IOException | RuntimeException e) {
            return file.toAbsolutePath().normalize();
        }
    }

    /** A file being read, and the include line that brought it in (null for the root file). */
    private record Reading(Path file, Directive includedBy) {
    }
}
