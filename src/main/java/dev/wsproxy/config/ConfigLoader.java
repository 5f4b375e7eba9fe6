package dev.wsproxy.config;

import dev.wsproxy.config.bind.ServerBinder;
import dev.wsproxy.config.diag.Diagnostic;
import dev.wsproxy.config.diag.Diagnostics;
import dev.wsproxy.config.lint.Linter;
import dev.wsproxy.config.load.ConfigTree;
import dev.wsproxy.config.load.TreeLoader;
import dev.wsproxy.config.model.ServerConfig;
import dev.wsproxy.config.schema.DirectiveTable;
import dev.wsproxy.config.schema.Scope;
import dev.wsproxy.config.syntax.ConfigParser;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The config front end in one call: parse {@code httpd_config.conf} and the files it names, bind them
 * to the model, and run every lint check. {@code serve} and {@code lint} both start here, so they report
 * the same diagnostics.
 */
public final class ConfigLoader {
    private ConfigLoader() {
    }

    /** Loads a server config; the model is present whenever it could be built. */
    public static LoadResult load(Path httpdConfig, LoadOptions options) {
        Path file = httpdConfig.toAbsolutePath().normalize();
        Optional<Diagnostic> unreadable = unreadable(file);
        if (unreadable.isPresent()) {
            return new LoadResult(Optional.empty(), List.of(unreadable.get()));
        }
        ConfigTree tree = TreeLoader.server(file, serverRoot(file, options), options.checkFilesystem());
        Diagnostics diagnostics = new Diagnostics();
        diagnostics.addAll(tree.diagnostics());
        ServerConfig config = new ServerBinder(tree, diagnostics).bind();
        new Linter(DirectiveTable.ols(), options.checkFilesystem()).lint(tree, config, diagnostics);
        return new LoadResult(Optional.of(config), diagnostics.list());
    }

    /**
     * Lints one vhost config ({@link Scope#VHOST_CONFIG}) or template file ({@link Scope#TEMPLATE}) on its
     * own, as generators write them. The vhost is bound for the model checks, but no model is returned:
     * the file alone describes no server.
     */
    public static LoadResult lintFile(Path configFile, Scope scope, LoadOptions options) {
        Path file = configFile.toAbsolutePath().normalize();
        Optional<Diagnostic> unreadable = unreadable(file);
        if (unreadable.isPresent()) {
            return new LoadResult(Optional.empty(), List.of(unreadable.get()));
        }
        ConfigTree tree = TreeLoader.lone(file, scope, serverRoot(file, options));
        Diagnostics diagnostics = new Diagnostics();
        diagnostics.addAll(tree.diagnostics());
        ServerConfig config = new ServerBinder(tree, diagnostics).bind();
        new Linter(DirectiveTable.ols()).lint(tree, config, diagnostics);
        return new LoadResult(Optional.empty(), diagnostics.list());
    }

    /**
     * The error for a config file that cannot be read at all, saying why (no such file, is a directory,
     * permission denied); empty when it can be read.
     */
    public static Optional<Diagnostic> unreadable(Path configFile) {
        return ConfigParser.unreadable(configFile.toAbsolutePath().normalize());
    }

    private static Path serverRoot(Path file, LoadOptions options) {
        return options.serverRoot().map(p -> p.toAbsolutePath().normalize()).orElse(serverRootOf(file));
    }

    /** {@code .../conf/httpd_config.conf} → {@code ...}: the parent of the config file's directory. */
    static Path serverRootOf(Path configFile) {
        Path dir = configFile.getParent();
        return dir.getParent() != null ? dir.getParent() : dir;
    }
}
