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
