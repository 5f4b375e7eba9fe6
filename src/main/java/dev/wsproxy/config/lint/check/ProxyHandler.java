package dev.wsproxy.config.lint.check;

import dev.wsproxy.config.ast.Block;
import dev.wsproxy.config.ast.Directive;
import dev.wsproxy.config.load.ConfigTree;
import dev.wsproxy.config.model.ExtProcessor;
import dev.wsproxy.config.model.ServerConfig;
import dev.wsproxy.config.value.ExtProcessors;
import dev.wsproxy.config.value.RouteClaims;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code handler} of a proxy context OLS sets up in a bound vhost, with the extprocessor it names
 * ({@code $VH_NAME} expanded), the vhost's own before the server's, as the binder looks it up.
 */
record ProxyHandler(Directive line, String name, Optional<ExtProcessor> processor) {

    static List<ProxyHandler> all(ConfigTree tree, ServerConfig config) {
        List<ProxyHandler> handlers = new ArrayList<>();
        for (BoundVhost vhost : BoundVhost.all(tree, config)) {
            Map<String, ExtProcessor> own = ExtProcessors.read(vhost.config(), vhost.paths());
            for (RouteClaims.Claim claim : RouteClaims.contexts(vhost.config()).accepted()) {
                Block body = Block.of(claim.block());
                if (!body.value("type").orElse("").equalsIgnoreCase("proxy")) {
                    continue;
                }
                body.first("handler").filter(h -> !h.value().isBlank()).ifPresent(line -> {
                    String name = vhost.paths().expandNames(line.value().trim());
                    handlers.add(new ProxyHandler(line, name, Optional.ofNullable(own.get(name))
                            .or(() -> Optional.ofNullable(config.extProcessors().get(name)))));
                });
            }
        }
        return handlers;
    }
}
