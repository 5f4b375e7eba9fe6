package dev.wsproxy.config;

import java.nio.file.Path;
import java.util.Optional;

/**
 * How to load a config: the server root when it is not the parent of the config file's {@code conf/}
 * directory, and whether to check that files and directories named by the config exist.
 */
public record LoadOptions(Optional<Path> serverRoot, boolean checkFilesystem) {

    /** The defaults of {@code serve}: server root from the config path, filesystem checked. */
    public static LoadOptions defaults() {
        return new LoadOptions(Optional.empty(), true);
    }
}
