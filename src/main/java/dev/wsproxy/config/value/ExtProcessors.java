package dev.wsproxy.config.value;

import dev.wsproxy.config.ast.Block;
import dev.wsproxy.config.ast.Directive;
import dev.wsproxy.config.model.ExtProcessor;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Reads the {@code extprocessor} blocks of one level (server or vhost) that have a usable address. */
public final class ExtProcessors {
    private ExtProcessors() {
    }

    public static Map<String, ExtProcessor> read(Block level, PathResolver paths) {
        Map<String, ExtProcessor> byName = new LinkedHashMap<>();
        for (Directive d : level.all("extprocessor")) {
            Block body = Block.of(d);
            String name = Block.nameOf(d, "name").map(paths::expandNames).orElse("");
            String type = body.value("type").orElse("").toLowerCase(Locale.ROOT);
            body.value("address").map(paths::expandNames).flatMap(a -> BackendAddresses.proxy(a).get())
                    .filter(a -> !name.isEmpty())
                    .ifPresent(address -> byName.putIfAbsent(name, new ExtProcessor(name, type, address, d.span())));
        }
        return byName;
    }
}
