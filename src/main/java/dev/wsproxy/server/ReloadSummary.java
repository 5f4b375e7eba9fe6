package dev.wsproxy.server;

import dev.wsproxy.config.model.Listener;
import dev.wsproxy.config.model.ServerConfig;
import dev.wsproxy.config.model.VirtualHost;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/** What a reload changed: vhosts and listeners by name, and the secure listeners whose certificates were read again. */
public record ReloadSummary(List<String> vhostsAdded, List<String> vhostsRemoved, List<String> vhostsChanged,
                           List<String> listenersAdded, List<String> listenersRemoved, List<String> listenersRebound,
                           List<String> certificatesReread) {

    static ReloadSummary of(ServerConfig before, ServerConfig after, ListenerDiff listeners, Collection<String> reread) {
        Map<String, VirtualHost> old = before.virtualHosts().stream()
                .collect(Collectors.toMap(VirtualHost::name, Function.identity()));
        List<String> names = after.virtualHosts().stream().map(VirtualHost::name).toList();
        return new ReloadSummary(
                names.stream().filter(name -> !old.containsKey(name)).toList(),
                old.keySet().stream().filter(name -> !names.contains(name)).sorted().toList(),
                after.virtualHosts().stream().filter(v -> old.containsKey(v.name()) && !Objects.equals(old.get(v.name()), v))
                        .map(VirtualHost::name).toList(),
                listeners.added().stream().map(Listener::name).toList(), listeners.removed(),
                listeners.rebound().stream().map(Listener::name).toList(), reread.stream().sorted().toList());
    }

    /** The NOTICE line: {@code reloaded: vhosts added [a], changed [b]; ...; logs reopened}. */
    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        part(parts, "vhosts", List.of("added", "removed", "changed"), vhostsAdded, vhostsRemoved, vhostsChanged);
        part(parts, "listeners", List.of("added", "removed", "rebound"), listenersAdded, listenersRemoved,
                listenersRebound);
        if (!certificatesReread.isEmpty()) {
            parts.add("certificates read again for listeners " + certificatesReread);
        }
        parts.add("logs reopened");
        return "reloaded: " + String.join("; ", parts);
    }

    @SafeVarargs
    private static void part(List<String> parts, String what, List<String> verbs, List<String>... names) {
        List<String> changes = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            if (!names[i].isEmpty()) {
                changes.add(verbs.get(i) + " " + names[i]);
            }
        }
        parts.add(what + (changes.isEmpty() ? " unchanged" : " " + String.join(", ", changes)));
    }
}
