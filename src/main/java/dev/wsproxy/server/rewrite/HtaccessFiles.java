package dev.wsproxy.server.rewrite;

import dev.wsproxy.config.rewrite.RewriteParser;
import dev.wsproxy.config.rewrite.RewriteSet;
import dev.wsproxy.config.source.Span;
import dev.wsproxy.server.log.ErrorLog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The rewrite rules of {@code .htaccess} files, parsed once per version of each file: a request costs one
 * {@code stat} a directory, and a file changed on disk is read again on the next request (OLS reads it only when
 * it first needs the directory).
 * A missing file has no rules. A rule OLS cannot parse is logged once per version.
 */
final class HtaccessFiles {

    /** One parsed version of a file. */
    private record Version(long modified, long size, Object key, RewriteSet rules) {
        boolean isCurrent(BasicFileAttributes a) {
            return a.lastModifiedTime().toMillis() == modified && a.size() == size && java.util.Objects.equals(a.fileKey(), key);
        }
    }

    private final Map<Path, Version> versions = new ConcurrentHashMap<>();
    private final Set<String> maps;
    private final ErrorLog errorLog;

    HtaccessFiles(Set<String> maps, ErrorLog errorLog) {
        this.maps = maps;
        this.errorLog = errorLog;
    }

    /** The rules of {@code directory}'s {@code .htaccess}, empty when it has none. */
    RewriteSet rules(Path directory) {
        Path file = directory.resolve(".htaccess");
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            versions.remove(file);
            return RewriteSet.EMPTY;
        } catch (IOException e) {
            return RewriteSet.EMPTY;
        }
        Version known = versions.get(file);
        if (known != null && known.isCurrent(attributes)) {
            return known.rules();
        }
        Version read = new Version(attributes.lastModifiedTime().toMillis(), attributes.size(), attributes.fileKey(),
                parse(file));
        versions.put(file, read);
        return read.rules();
    }

    /**
     * The rules that run for {@code path} below a static context whose own are {@code context}. As in OLS, each
     * directory between the context and the path's last {@code /} is a context of its own when its
     * {@code .htaccess} has rewrite settings (rules or {@code RewriteEngine}); the deepest one runs, without its
     * parents' rules. A directory whose file does not say {@code RewriteEngine} takes its parent's.
     */
    RewriteSite.ContextRules below(RewriteSite.ContextRules context, String path) {
        RewriteSite.ContextRules chosen = context;
        boolean enabled = context.enabled();
        for (int slash = path.indexOf('/', context.uri().length()); slash >= 0; slash = path.indexOf('/', slash + 1)) {
            String uri = path.substring(0, slash + 1);
            // a context written without its trailing '/' (/blog) has /blog/ itself as its first directory
            String relative = uri.substring(context.uri().length()).replaceFirst("^/", "");
            if (relative.isEmpty()) {
                continue;
            }
            Path directory = context.location().resolve(relative);
            RewriteSet set = rules(directory);
            enabled = set.engine().orElse(enabled);
            if (!set.rules().isEmpty() || set.engine().isPresent()) {
                chosen = new RewriteSite.ContextRules(enabled, set.rules(), set.base(), uri, directory);
            }
        }
        return chosen;
    }

    private RewriteSet parse(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            RewriteSet set = RewriteParser.parse(RewriteParser.lines(text, Span.at(file, 1, 1)), maps,
                    RewriteParser.NO_FILES);
            set.problems().forEach(p -> errorLog.log(ErrorLog.Level.ERROR, p.span() + ": " + p.message()
                    + "; this rule and the rest of the file are not used"));
            return set;
        } catch (IOException e) {
            errorLog.log(ErrorLog.Level.WARN, file + ": cannot be read (" + e.getMessage() + "); no rules from it");
            return RewriteSet.EMPTY;
        }
    }
}
