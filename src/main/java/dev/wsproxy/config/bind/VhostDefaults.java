package dev.wsproxy.config.bind;

import dev.wsproxy.config.model.ExpiresSettings;
import dev.wsproxy.config.model.ExtProcessor;
import dev.wsproxy.config.model.Realm;
import dev.wsproxy.config.value.PathResolver;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What a context inherits from its vhost: paths, the effective index settings, expires, extprocessors and realms. */
record VhostDefaults(PathResolver paths, Path docRoot, List<String> indexFiles, boolean autoIndex,
                     ExpiresSettings expires, Map<String, ExtProcessor> vhostProcessors,
                     Map<String, ExtProcessor> serverProcessors, Map<String, Realm> realms) {

    /** The extprocessor a {@code handler} names: the vhost's own first, then the server's. */
    Optional<ExtProcessor> processor(String name) {
        return Optional.ofNullable(vhostProcessors.get(name)).or(() -> Optional.ofNullable(serverProcessors.get(name)));
    }
}
