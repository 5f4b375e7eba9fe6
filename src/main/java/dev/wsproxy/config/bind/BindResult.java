package dev.wsproxy.config.bind;

import dev.wsproxy.config.load.ConfigFile;
import dev.wsproxy.config.model.ServerConfig;
import java.util.List;

/** The model built from a config, and every file that went into it (for the lint checks that read directives). */
public record BindResult(ServerConfig config, List<ConfigFile> files) {
    public BindResult {
        files = List.copyOf(files);
    }
}
