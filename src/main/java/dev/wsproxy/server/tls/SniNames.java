package dev.wsproxy.server.tls;

import dev.wsproxy.config.model.HostMapping;
import dev.wsproxy.config.model.Listener;
import dev.wsproxy.config.model.VirtualHost;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which vhost an SNI host name belongs to on one listener: the listener's domain map first (exact names,
 * then globs in map order), then the {@code vhDomain} and {@code vhAliases} of vhosts that have their own
 * {@code vhssl}. The catch-all {@code *} is left out on purpose: a client whose name no vhost claims gets
 * the listener's certificate.
 */
final class SniNames {
    private final Map<String, String> exact = new LinkedHashMap<>();
    private final List<Map.Entry<Pattern, String>> globs = new ArrayList<>();

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
        String raw = host.toLowerCase(Locale.ROOT);
        raw = raw.endsWith(".") ? raw.substring(0, raw.length() - 1) : raw;
        String normalised = normalise(raw);
        String vhost = exact.get(normalised);
        for (int i = 0; vhost == null && i < globs.size(); i++) {
            Pattern glob = globs.get(i).getKey();
            if (glob.matcher(raw).matches() || glob.matcher(normalised).matches()) {
                vhost = globs.get(i).getValue();
            }
        }
        return Optional.ofNullable(vhost);
    }

    private void add(String domain, String vhostName) {
        if (domain == null || domain.isBlank() || domain.strip().equals("*")) {
            return;
        }
        String name = normalise(domain.strip().toLowerCase(Locale.ROOT));
        if (name.indexOf('*') >= 0 || name.indexOf('?') >= 0) {
            globs.add(Map.entry(glob(name), vhostName));
        } else {
            exact.putIfAbsent(name, vhostName);
        }
    }

    /** Host names compare without a leading {@code www.}, as OLS maps them. */
    private static String normalise(String host) {
        return host.startsWith("www.") ? host.substring(4) : host;
    }

    private static Pattern glob(String domain) {
        StringBuilder regex = new StringBuilder();
        for (char c : domain.toCharArray()) {
            regex.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
        }
        return Pattern.compile(regex.toString());
    }
}
