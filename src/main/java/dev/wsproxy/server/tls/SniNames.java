package dev.wsproxy.server.tls;

import dev.wsproxy.config.model.HostMapping;
import dev.wsproxy.config.model.Listener;
import dev.wsproxy.config.model.VirtualHost;
import dev.wsproxy.server.routing.DomainGlob;
import dev.wsproxy.server.routing.HostName;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which vhost an SNI host name belongs to on one listener: the listener's domain map first (exact names,
 * then globs in map order), then the {@code vhDomain} and {@code vhAliases} of vhosts that have their own
 * {@code vhssl}; names compare as the Host header does for routing. The catch-all {@code *} is left out
 * on purpose: a client whose name no vhost claims gets the listener's certificate.
 */
final class SniNames {
    private final Map<String, String> exact = new LinkedHashMap<>();
    private final List<Map.Entry<DomainGlob, String>> globs = new ArrayList<>();

    static SniNames of(Listener listener, List<VirtualHost> vhosts) {
        SniNames names = new SniNames();
        for (HostMapping mapping : listener.mappings()) {
            if (!mapping.isCatchAll()) {
                names.add(mapping.domain(), mapping.vhostName());
            }
        }
        for (VirtualHost vhost : vhosts) {
            if (vhost.vhssl().isPresent()) {
                names.add(vhost.domain(), vhost.name());
                vhost.aliases().forEach(alias -> names.add(alias, vhost.name()));
            }
        }
        return names;
    }

    /** The name of the vhost that claims {@code host}, if any. */
    Optional<String> vhostFor(String host) {
        String name = HostName.normalize(host.endsWith(".") ? host.substring(0, host.length() - 1) : host);
        String vhost = exact.get(name);
        for (int i = 0; vhost == null && i < globs.size(); i++) {
            if (globs.get(i).getKey().matches(name)) {
                vhost = globs.get(i).getValue();
            }
        }
        return Optional.ofNullable(vhost);
    }

    private void add(String domain, String vhostName) {
        if (domain == null || domain.isBlank() || domain.strip().equals("*")) {
            return;
        }
        String name = HostName.normalize(domain);
        if (name.indexOf('*') >= 0 || name.indexOf('?') >= 0) {
            globs.add(Map.entry(new DomainGlob(name), vhostName));
        } else {
            exact.putIfAbsent(name, vhostName);
        }
    }
}
