package dev.wsproxy.server;

import dev.wsproxy.config.model.Listener;
import dev.wsproxy.config.model.TlsSettings;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What a reload does to the listeners, by name: those whose socket stays (same address, port, TLS on or off,
 * {@code reusePort} and h2 offer) take the new config's chain and certificates; the others are bound anew
 * ({@code added}, or {@code rebound} when a listener of that name changed its socket); {@code removed} are closed.
 */
record ListenerDiff(List<Listener> kept, List<Listener> added, List<Listener> rebound, List<String> removed) {

    static ListenerDiff between(List<Listener> before, List<Listener> after) {
        Map<String, Listener> old = before.stream().collect(Collectors.toMap(Listener::name, Function.identity()));
        List<Listener> kept = after.stream().filter(l -> old.containsKey(l.name()) && sameSocket(old.get(l.name()), l))
                .toList();
        List<Listener> added = after.stream().filter(l -> !old.containsKey(l.name())).toList();
        List<Listener> rebound = after.stream().filter(l -> old.containsKey(l.name()) && !sameSocket(old.get(l.name()), l))
                .toList();
        List<String> names = after.stream().map(Listener::name).toList();
        List<String> removed = before.stream().map(Listener::name).filter(name -> !names.contains(name)).toList();
        return new ListenerDiff(kept, added, rebound, removed);
    }

    /** The listeners that need a socket of their own: added and rebound. */
    List<Listener> toBind() {
        return Stream.concat(added.stream(), rebound.stream()).toList();
    }

    private static boolean sameSocket(Listener a, Listener b) {
        return a.address().ip().equals(b.address().ip()) && a.address().port() == b.address().port()
                && a.secure() == b.secure() && a.reusePort() == b.reusePort() && offersHttp2(a) == offersHttp2(b);
    }

    private static boolean offersHttp2(Listener listener) {
        return listener.tls().map(TlsSettings::offersHttp2).orElse(false);
    }
}
