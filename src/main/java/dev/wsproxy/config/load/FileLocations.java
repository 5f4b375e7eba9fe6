package dev.wsproxy.config.load;

import dev.wsproxy.config.ast.Block;
import dev.wsproxy.config.ast.Directive;
import dev.wsproxy.config.value.PathResolver;
import java.nio.file.Path;
import java.util.Optional;

/** Where the files a server config names are, so that the loader reads what the binder later looks up. */
public final class FileLocations {
    private FileLocations() {
    }

    /** A vhost's {@code vhRoot} as written ({@code $VH_NAME} expanded), relative to {@code $SERVER_ROOT}. */
    public static Path vhRoot(PathResolver server, String name, String raw) {
        return server.forVhost(name, name).resolve(raw);
    }

    /** A vhost's vhRoot: its {@code vhRoot} line, or {@code $SERVER_ROOT} when there is none (lint reports that). */
    public static Path vhRoot(PathResolver server, String name, Optional<String> raw) {
        return raw.map(text -> vhRoot(server, name, text)).orElse(server.serverRoot());
    }

    /**
     * The resolver of one vhost's paths: {@code $VH_ROOT} is {@code vhRoot}, {@code $DOC_ROOT} the vhost config's
     * {@code docRoot} line (itself resolved against the vhRoot), else the vhRoot.
     */
    public static PathResolver vhostPaths(PathResolver server, String name, String domain, Path vhRoot,
                                          Optional<Directive> docRootLine) {
        PathResolver paths = server.forVhost(name, domain).withVhRoot(vhRoot).withDocRoot(vhRoot);
        return docRootLine.map(line -> paths.withDocRoot(paths.resolve(line.value()))).orElse(paths);
    }

    /** A vhost config's {@code docRoot} line, when it names one. */
    public static Optional<Directive> docRootLine(Block config) {
        return nonBlank(config, "docRoot");
    }

    /**
     * The file a {@code RewriteFile} line names, as OLS finds it: an absolute or {@code $}-led path as written,
     * anything else under {@code $DOC_ROOT/}.
     */
    public static Path rewriteFile(PathResolver vhost, String written) {
        return written.startsWith("/") || written.startsWith("$") ? vhost.resolve(written)
                : vhost.resolveLocation(written);
    }

    /** The {@code configFile} line of a {@code virtualhost} block, when it names one. */
    public static Optional<Directive> configFileLine(Block entry) {
        return nonBlank(entry, "configFile");
    }

    /** Where a {@code virtualhost} block's {@code configFile} points; {@code $VH_ROOT} is its vhRoot. */
    public static Optional<Path> vhostConfig(PathResolver server, String name, Block entry) {
        Path vhRoot = entry.value("vhRoot").map(raw -> vhRoot(server, name, raw)).orElse(server.serverRoot());
        return configFileLine(entry).map(line -> server.forVhost(name, name).withVhRoot(vhRoot).resolve(line.value()));
    }

    /** The {@code templateFile} line of a {@code vhTemplate} block, when it names one. */
    public static Optional<Directive> templateFileLine(Block template) {
        return nonBlank(template, "templateFile");
    }

    /** The server's {@code mime} line, when it names a file. */
    public static Optional<Directive> mimeLine(Block server) {
        return nonBlank(server, "mime");
    }

    private static Optional<Directive> nonBlank(Block block, String key) {
        return block.first(key).filter(d -> !d.value().isBlank());
    }
}
