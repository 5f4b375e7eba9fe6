package dev.wsproxy.config.load;

import dev.wsproxy.config.ast.Block;
import dev.wsproxy.config.ast.Directive;
import dev.wsproxy.config.value.PathResolver;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Which block of a {@link ConfigTree} holds a vhost's config, as the binder and the checks both look it up. */
public final class VhostConfigs {
    private VhostConfigs() {
    }

    /** The name of the vhost a lone vhost or template file describes: the file's, or its directory's for vhconf.conf. */
    public static String loneName(Path file) {
        String stem = file.getFileName().toString().replaceFirst("\\.[^.]*$", "");
        // conf/vhosts/<name>/vhconf.conf is the OLS layout: the directory names the vhost
        return stem.equals("vhconf") && file.getParent().getFileName() != null
                ? file.getParent().getFileName().toString() : stem;
    }

    /** The {@code virtualhost} blocks OLS sets up, by name: those with a name, the first of each name. */
    public static Map<String, Directive> entries(Block serverRoot) {
        Map<String, Directive> byName = new LinkedHashMap<>();
        for (Directive entry : serverRoot.all("virtualhost")) {
            Block.nameOf(entry, "name").ifPresent(name -> byName.putIfAbsent(name, entry));
        }
        return byName;
    }

    /** A {@code virtualhost} block's config: its {@code configFile}, else the block itself; empty when the file was not read. */
    public static Optional<Block> ofEntry(ConfigTree tree, String name, Block entry) {
        PathResolver server = PathResolver.server(tree.serverRoot());
        return FileLocations.vhostConfig(server, name, entry).map(file -> tree.config(file).map(Block::of))
                .orElse(Optional.of(entry));
    }

    /** A {@code vhTemplate} block's template file, when it names one that was read. */
    public static Optional<Block> templateOf(ConfigTree tree, Block template) {
        PathResolver server = PathResolver.server(tree.serverRoot());
        return FileLocations.templateFileLine(template).flatMap(line -> tree.config(server.resolve(line.value())))
                .map(Block::of);
    }

    /** A template file's {@code virtualHostConfig} block, the config of each of its members. */
    public static Optional<Directive> memberConfig(Block templateRoot) {
        return templateRoot.first("virtualHostConfig").filter(Directive::isBlock);
    }
}
