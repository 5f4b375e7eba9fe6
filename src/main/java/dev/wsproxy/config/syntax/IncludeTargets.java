package dev.wsproxy.config.syntax;

import dev.wsproxy.config.ast.Directive;
import dev.wsproxy.config.diag.Code;
import dev.wsproxy.config.diag.Diagnostics;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The files an {@code include} line loads, in the order OLS loads them (plainconf.cpp
 * {@code getIncludeFile}, {@code checkFiletype}, {@code loadDirectory}): {@code /abs} as is,
 * {@code $SERVER_ROOT/...} below the server root, anything else beside the including file; a glob
 * ({@code *}, {@code ?}, {@code [..]}) loads each match in sorted order; a directory loads its
 * {@code *.conf} files and subdirectories, recursively and sorted, skipping names ending in {@code ~}.
 */
final class IncludeTargets {
    private static final String SERVER_ROOT_PREFIX = "$server_root/";

    private final Path serverRoot;
    private final Diagnostics diagnostics;
    private final boolean reportMissing;

    IncludeTargets(Path serverRoot, Diagnostics diagnostics, boolean reportMissing) {
        this.serverRoot = serverRoot;
        this.diagnostics = diagnostics;
        this.reportMissing = reportMissing;
    }

    /** The files to load for {@code include}, written in {@code includingFile}; problems become diagnostics. */
    List<Path> of(Directive include, Path includingFile) {
        try {
            return resolve(include, includingFile);
        } catch (InvalidPathException e) {
            diagnostics.add(Code.INCLUDE_MISSING, include.valueSpan(), "include path is not a valid path: " + e.getReason(),
                    "OLS cannot open it either. Fix the path.");
            return List.of();
        }
    }

    private List<Path> resolve(Directive include, Path includingFile) {
        String written = include.value();
        if (written.isEmpty()) {
            diagnostics.add(Code.INCLUDE_MISSING, include.span(), "include without a path",
                    "OLS ignores it. Write the file, directory or glob to include after 'include'.");
            return List.of();
        }
        Path target;
        if (written.startsWith("/")) {
            target = Path.of(written);
        } else if (written.toLowerCase(Locale.ROOT).startsWith(SERVER_ROOT_PREFIX)) {
            target = serverRoot.resolve(written.substring(SERVER_ROOT_PREFIX.length()));
        } else if (written.startsWith("$")) {
            diagnostics.add(Code.INCLUDE_BAD_VARIABLE, include.valueSpan(), "cannot resolve include file " + written,
                    "OLS logs \"Can't resolve include file\" and skips it: only $SERVER_ROOT/ may start an include "
                            + "path. Use $SERVER_ROOT/..., an absolute path, or a path relative to this file.");
            return List.of();
        } else {
            target = includingFile.toAbsolutePath().getParent().resolve(written);
        }
        target = target.normalize();
        if (isGlob(written)) {
            return globMatches(target, include);
        }
        if (Files.isDirectory(target)) {
            return directory(target, include, new HashSet<>());
        }
        if (!Files.exists(target)) {
            if (!reportMissing) {
                return List.of();
            }
            diagnostics.add(Code.INCLUDE_MISSING, include.valueSpan(), "include file " + target + " does not exist",
                    "OLS skips a missing include without a word, so whatever it should define is missing. "
                            + "Fix the path; a relative path is relative to the directory of this file.");
            return List.of();
        }
        return List.of(target);
    }

    private static boolean isGlob(String path) {
        return path.contains("*") || path.contains("?") || (path.contains("[") && path.contains("]"));
    }

    /** Each match of the glob, sorted; a directory match loads as a directory; no match is fine. */
    private List<Path> globMatches(Path pattern, Directive include) {
        Path base = pattern.getRoot() == null ? Path.of("") : pattern.getRoot();
        int first = 0;
        while (first < pattern.getNameCount() && !isGlob(pattern.getName(first).toString())) {
            base = base.resolve(pattern.getName(first));
            first++;
        }
        int depth = pattern.getNameCount() - first;
        if (depth == 0 || !Files.isDirectory(base)) {
            return List.of();
        }
        Path from = base;
        List<Path> matches;
        try (Stream<Path> walk = Files.walk(from, depth)) {
            PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + pattern.subpath(first, pattern.getNameCount()));
            matches = walk.filter(p -> from.relativize(p).getNameCount() == depth && matcher.matches(from.relativize(p)))
                    .sorted().toList();
        } catch (IOException | RuntimeException e) {
            unreadable(include, base, e);
            return List.of();
        }
        List<Path> files = new ArrayList<>();
        for (Path match : matches) {
            files.addAll(Files.isDirectory(match) ? directory(match, include, new HashSet<>()) : List.of(match));
        }
        return files;
    }

    private List<Path> directory(Path dir, Directive include, Set<Path> seen) {
        try {
            if (!seen.add(dir.toRealPath())) {
                return List.of();
            }
            List<Path> entries;
            try (Stream<Path> list = Files.list(dir)) {
                entries = list.filter(p -> !p.getFileName().toString().endsWith("~")).sorted().toList();
            }
            List<Path> files = new ArrayList<>();
            for (Path entry : entries) {
                if (Files.isDirectory(entry)) {
                    files.addAll(directory(entry, include, seen));
                } else if (entry.getFileName().toString().endsWith(".conf")) {
                    files.add(entry);
                }
            }
            return files;
        } catch (IOException | RuntimeException e) {
            unreadable(include, dir, e);
            return List.of();
        }
    }

    private void unreadable(Directive include, Path where, Exception e) {
        diagnostics.add(Code.FILE_UNREADABLE, include.valueSpan(), "cannot read include directory " + where + ": " + e.getMessage(),
                "OLS skips what it cannot read. Check the directory's permissions.");
    }
}
