package dev.wsproxy.config.load;

import dev.wsproxy.config.ast.Block;
import dev.wsproxy.config.ast.Directive;
import dev.wsproxy.config.value.PathResolver;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The files the vhosts' rewrite rules name with {@code RewriteFile}, read for the binder: each name resolved
 * against its own vhost's roots as OLS resolves it, and the files those files name in turn.
 */
final class RewriteFiles {
    private static final Pattern REWRITE_FILE = Pattern.compile("(?im)^[ \\t]*RewriteFile[ \\t]+(\\S.*?)[ \\t]*\\r?$");
    /** As deep as the rewrite parser follows {@code RewriteFile}s. */
    private static final int MAX_DEPTH = 8;

    private final Map<Path, TextFile> texts = new LinkedHashMap<>();

    private RewriteFiles() {
    }

    /** The {@code RewriteFile}s of every vhost and template member of {@code tree}, by resolved path. */
    static Map<Path, TextFile> read(ConfigTree tree) {
        RewriteFiles files = new RewriteFiles();
        Block root = Block.of(tree.entry().directives());
        PathResolver server = PathResolver.server(tree.serverRoot());
        VhostConfigs.entries(root).forEach((name, entry) -> {
            Block block = Block.of(entry);
            VhostConfigs.ofEntry(tree, name, block).ifPresent(config -> files.readAll(
                    paths(server, name, config, block.value("vhRoot"), Optional.empty()), config));
        });
        for (Directive template : root.all("vhTemplate")) {
            Optional<Block> templateRoot = VhostConfigs.templateOf(tree, Block.of(template));
            Optional<Block> config = templateRoot.flatMap(VhostConfigs::memberConfig).map(Block::of);
            for (Directive member : config.isPresent() ? Block.of(template).all("member") : List.<Directive>of()) {
                Block own = member.isBlock() ? Block.of(member) : Block.empty();
                Block.nameOf(member, "name").ifPresent(name -> files.readAll(paths(server, name, config.get(),
                        own.value("vhRoot").or(() -> templateRoot.get().value("vhRoot")), own.value("vhDomain")),
                        config.get()));
            }
        }
        return files.texts;
    }

    private static PathResolver paths(PathResolver server, String name, Block config, Optional<String> vhRoot,
                                      Optional<String> domain) {
        return FileLocations.vhostPaths(server, name, domain.or(() -> config.value("vhDomain")).orElse(name),
                FileLocations.vhRoot(server, name, vhRoot), FileLocations.docRootLine(config));
    }

    /** The files named in the vhost's {@code rewrite} block and its contexts'. */
    private void readAll(PathResolver vhost, Block config) {
        Stream.concat(Stream.of(config), config.all("context").stream().map(Block::of))
                .flatMap(block -> block.child("rewrite").directives().stream())
                .forEach(line -> readNamed(vhost, line.name().equalsIgnoreCase("rules") ? line.value()
                        : line.name() + " " + line.value(), 0));
    }

    private void readNamed(PathResolver vhost, String rules, int depth) {
        Matcher named = REWRITE_FILE.matcher(rules);
        while (named.find() && depth < MAX_DEPTH) {
            // a file two vhosts share is read once, but followed for each: $DOC_ROOT in it differs
            TextFile text = texts.computeIfAbsent(FileLocations.rewriteFile(vhost, named.group(1)), TreeLoader::text);
            text.text().ifPresent(more -> readNamed(vhost, more, depth + 1));
        }
    }
}
