package dev.wsproxy.config.load;

import dev.wsproxy.config.ast.Directive;
import dev.wsproxy.config.diag.Diagnostic;
import dev.wsproxy.config.schema.Scope;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A config as read from disk before anything is bound: the file it starts from, every config file that file
 * names (vhost {@code configFile}s, {@code templateFile}s) parsed, the text files it names (the mime file, the
 * vhosts' {@code RewriteFile}s), and the syntax diagnostics of the reads in the order they were read.
 *
 * @param serverRoot       what {@code $SERVER_ROOT} stands for
 * @param checksFilesystem whether the files and directories the config names are expected on this machine;
 *                         false for {@code lint --no-fs} and for a lone vhost or template file
 * @param files            every file read, in read order; a file two vhosts name is there twice, as it was read twice
 */
public record ConfigTree(Path serverRoot, boolean checksFilesystem, ConfigFile entry, List<ConfigFile> files,
                         Map<Path, TextFile> texts, List<Diagnostic> diagnostics) {

    public ConfigTree {
        files = List.copyOf(files);
        texts = Map.copyOf(texts);
        diagnostics = List.copyOf(diagnostics);
    }

    /** The directives of a config file the entry names, when it could be read. */
    public Optional<List<Directive>> config(Path file) {
        return files.stream().filter(f -> f.path().equals(file)).findFirst().map(ConfigFile::directives);
    }

    /** A text file the config names; a file nobody asked the loader for is {@link TextFile#MISSING}. */
    public TextFile text(Path file) {
        return texts.getOrDefault(file, TextFile.MISSING);
    }

    /** Whether the tree starts from a whole server config rather than a lone vhost or template file. */
    public boolean isServer() {
        return entry.scope() == Scope.SERVER;
    }
}
