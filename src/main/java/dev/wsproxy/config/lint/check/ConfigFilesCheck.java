package dev.wsproxy.config.lint.check;

import dev.wsproxy.config.ast.Block;
import dev.wsproxy.config.ast.Directive;
import dev.wsproxy.config.diag.Code;
import dev.wsproxy.config.diag.Diagnostics;
import dev.wsproxy.config.load.ConfigTree;
import dev.wsproxy.config.load.FileLocations;
import dev.wsproxy.config.load.TextFile;
import dev.wsproxy.config.load.VhostConfigs;
import dev.wsproxy.config.model.ServerConfig;
import dev.wsproxy.config.source.Span;
import dev.wsproxy.config.value.PathResolver;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * WSP302, WSP311, WSP315, WSP322: a file the server config names that the loader could not read (a vhost's
 * {@code configFile}, a {@code templateFile}, the mime file), a template without {@code virtualHostConfig}, and a
 * server config without {@code mime}. Without filesystem checks a file that is not here may be on the server.
 */
public final class ConfigFilesCheck implements TreeCheck {

    @Override
    public Set<Code> codes() {
        return Set.of(Code.MISSING_CONFIG_FILE, Code.MISSING_MIME, Code.TEMPLATE_WITHOUT_VHCONFIG, Code.BAD_TEMPLATE);
    }

    @Override
    public void check(ConfigTree tree, ServerConfig config, Diagnostics out) {
        if (!tree.isServer()) {
            return;
        }
        Block root = Block.of(tree.entry().directives());
        PathResolver paths = PathResolver.server(tree.serverRoot());
        if (tree.checksFilesystem()) {
            vhostFiles(tree, root, paths, out);
        }
        root.all("vhTemplate").forEach(template -> template(tree, template, paths, out));
        mime(tree, root, paths, out);
    }

    /** The configFile of each vhost OLS sets up: the first of each name. */
    private static void vhostFiles(ConfigTree tree, Block root, PathResolver paths, Diagnostics out) {
        for (Map.Entry<String, Directive> entry : VhostConfigs.entries(root).entrySet()) {
            String name = entry.getKey();
            Block block = Block.of(entry.getValue());
            if (VhostConfigs.ofEntry(tree, name, block).isPresent()) {
                continue;
            }
            out.add(Code.MISSING_CONFIG_FILE, FileLocations.configFileLine(block).orElseThrow().valueSpan(),
                    "configFile `" + FileLocations.vhostConfig(paths, name, block).orElseThrow()
                            + "` does not exist or cannot be read",
                    "OLS would fall back to the keys inside the virtualhost block; create the file or"
                            + " correct the path (relative paths mean $SERVER_ROOT).");
        }
    }

    private static void template(ConfigTree tree, Directive template, PathResolver paths, Diagnostics out) {
        Block block = Block.of(template);
        Optional<Directive> fileLine = FileLocations.templateFileLine(block);
        if (fileLine.isEmpty()) {
            out.add(Code.BAD_TEMPLATE, template.span(), "vhTemplate `" + template.value().trim()
                    + "` has no templateFile", "Add `templateFile conf/templates/<name>.conf`.");
            return;
        }
        Path file = paths.resolve(fileLine.get().value());
        Optional<Block> templateRoot = VhostConfigs.templateOf(tree, block);
        if (templateRoot.isEmpty() && tree.checksFilesystem()) {
            out.add(Code.BAD_TEMPLATE, fileLine.get().valueSpan(), "templateFile `" + file
                    + "` does not exist or cannot be read", "Create it, or correct the path (relative paths mean $SERVER_ROOT).");
        } else if (templateRoot.isPresent() && VhostConfigs.memberConfig(templateRoot.get()).isEmpty()) {
            out.add(Code.TEMPLATE_WITHOUT_VHCONFIG, fileLine.get().valueSpan(),
                    "template `" + file.getFileName() + "` has no virtualHostConfig block",
                    "OLS cannot instantiate its members: wrap the members' vhost config in virtualHostConfig { ... }.");
        }
    }

    private static void mime(ConfigTree tree, Block root, PathResolver paths, Diagnostics out) {
        Optional<Directive> line = FileLocations.mimeLine(root);
        if (line.isEmpty()) {
            out.add(Code.MISSING_MIME, Span.at(tree.entry().path(), 1, 1), "the server config has no `mime` directive",
                    "OLS refuses to start without it: add `mime conf/mime.properties`.");
            return;
        }
        Path file = paths.resolve(line.get().value());
        TextFile read = tree.text(file);
        if (read.error().isPresent()) {
            out.add(Code.MISSING_MIME, line.get().valueSpan(), "mime file `" + file + "` cannot be read: "
                    + read.error().get(), "Make the file readable.");
        } else if (read.text().isEmpty() && tree.checksFilesystem()) {
            out.add(Code.MISSING_MIME, line.get().valueSpan(), "mime file `" + file + "` does not exist or cannot be read",
                    "OLS refuses to start without it: point `mime` at a mime.properties file"
                            + " (relative paths mean $SERVER_ROOT).");
        }
    }
}
