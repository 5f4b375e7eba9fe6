package dev.wsproxy.config.load;

import dev.wsproxy.config.ast.Directive;
import dev.wsproxy.config.schema.Scope;
import java.nio.file.Path;
import java.util.List;

/** One config file that was read, with the scope its top level is in (server, vhost config or template). */
public record ConfigFile(Path path, Scope scope, List<Directive> directives) {
    public ConfigFile {
        directives = List.copyOf(directives);
    }
}
