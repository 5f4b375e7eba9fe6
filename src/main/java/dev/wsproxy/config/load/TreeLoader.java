package dev.wsproxy.config.load;

import dev.wsproxy.config.ast.Block;
import dev.wsproxy.config.ast.Directive;
import dev.wsproxy.config.diag.Diagnostics;
import dev.wsproxy.config.schema.Scope;
import dev.wsproxy.config.syntax.ConfigParser;
import dev.wsproxy.config.value.PathResolver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The loader stage: reads a config file and every file it names that the binder needs into a
 * {@link ConfigTree}, in OLS startup order (the server file, each vhost's {@code configFile}, each template's
 * {@code templateFile}, the mime file, then the files the vhosts' rewrite rules name with {@code RewriteFile}).
 * The vhost files are parsed ahead on every core.
 */
public final class TreeLoader {
    private final Path serverRoot;
    private final Diagnostics diagnostics = new Diagnostics();
    private final List<ConfigFile> files = new ArrayList<>();
    private final Map<Path, TextFile> texts = new LinkedHashMap<>();

    private TreeLoader(Path serverRoot) {
        this.serverRoot = serverRoot;
    }

    /** A whole server config; {@code checksFilesystem} false when its files may be on another machine. */
    public static ConfigTree server(Path file, Path serverRoot, boolean checksFilesystem) {
        TreeLoader loader = new TreeLoader(serverRoot);
        try (ReadAheadReader reader = new ReadAheadReader(new ConfigParser(serverRoot, checksFilesystem))) {
            ConfigFile entry = loader.read(reader, file, Scope.SERVER);
            loader.readNamedFiles(reader, Block.of(entry.directives()));
            loader.texts.putAll(RewriteFiles.read(loader.tree(checksFilesystem, entry)));
            return loader.tree(checksFilesystem, entry);
        }
    }

    /**
     * A vhost config ({@link Scope#VHOST_CONFIG}) or template file ({@link Scope#TEMPLATE}) on its own: it names
     * no file the binder reads, and the directories it names belong to a server it does not describe.
     */
    public static ConfigTree lone(Path file, Scope scope, Path serverRoot) {
        TreeLoader loader = new TreeLoader(serverRoot);
        try (ReadAheadReader reader = new ReadAheadReader(new ConfigParser(serverRoot))) {
            return loader.tree(false, loader.read(reader, file, scope));
        }
    }

    private ConfigTree tree(boolean checksFilesystem, ConfigFile entry) {
        return new ConfigTree(serverRoot, checksFilesystem, entry, files, texts, diagnostics.list());
    }

    private ConfigFile read(ReadAheadReader reader, Path file, Scope scope) {
        ConfigFile read = new ConfigFile(file, scope, reader.read(file, diagnostics));
        files.add(read);
        return read;
    }

    private void readNamedFiles(ReadAheadReader reader, Block root) {
        PathResolver paths = PathResolver.server(serverRoot);
        List<Path> vhostFiles = VhostConfigs.entries(root).entrySet().stream()
                .flatMap(e -> FileLocations.vhostConfig(paths, e.getKey(), Block.of(e.getValue())).stream())
                .toList();
        reader.readAhead(vhostFiles);
        for (Path file : vhostFiles) {
            if (Files.isReadable(file)) {
                read(reader, file, Scope.VHOST_CONFIG);
            }
        }
        for (Directive template : root.all("vhTemplate")) {
            FileLocations.templateFileLine(Block.of(template)).map(line -> paths.resolve(line.value()))
                    .filter(Files::isReadable).ifPresent(file -> read(reader, file, Scope.TEMPLATE));
        }
        FileLocations.mimeLine(root).map(line -> paths.resolve(line.value()))
                .ifPresent(file -> texts.put(file, text(file)));
    }

    /** Reads {@code file}: its text, {@link TextFile#MISSING}, or the error that stopped the read. */
    static TextFile text(Path file) {
        if (!Files.isReadable(file)) {
            return TextFile.MISSING;
        }
        try {
            return TextFile.read(Files.readString(file));
        } catch (IOException e) {
            return TextFile.failed(String.valueOf(e.getMessage()));
        }
    }
}
