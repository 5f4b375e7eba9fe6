package dev.wsproxy.config.value;

import dev.wsproxy.config.ast.Block;
import dev.wsproxy.config.ast.Directive;
import dev.wsproxy.config.model.ListenAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which {@code listener} blocks of a server config OLS sets up: those with an address it can read, each unless an
 * earlier one has its name or address.
 *
 * @param names      every listener name written, set up or not
 * @param accepted   the listeners set up, in config order, with their addresses
 * @param unaddressed the listeners without an address that can be read
 * @param repeats    each listener left out for repeating an earlier one's name or address
 */
public record ListenerClaims(Set<String> names, List<Accepted> accepted, List<Directive> unaddressed,
                             List<Repeat> repeats) {

    /** A listener block that is set up, and its address. */
    public record Accepted(Directive block, String name, ListenAddress address) {
    }

    /** A listener block left out, and the one set up before it with the same name or address. */
    public record Repeat(Directive later, Accepted earlier) {
    }

    public static ListenerClaims of(Block serverRoot) {
        Set<String> names = new LinkedHashSet<>();
        List<Accepted> accepted = new ArrayList<>();
        List<Directive> unaddressed = new ArrayList<>();
        List<Repeat> repeats = new ArrayList<>();
        Map<String, Accepted> byName = new HashMap<>();
        Map<String, Accepted> byAddress = new HashMap<>();
        for (Directive d : serverRoot.all("listener")) {
            String name = Block.nameOf(d, "name").orElse("");
            names.add(name);
            Optional<ListenAddress> address = Block.of(d).value("address")
                    .flatMap(text -> ListenAddresses.parse(text).get());
            if (address.isEmpty()) {
                unaddressed.add(d);
                continue;
            }
            String where = address.get().ip() + "|" + address.get().port();
            Accepted earlier = byName.containsKey(name) ? byName.get(name) : byAddress.get(where);
            if (earlier != null) {
                repeats.add(new Repeat(d, earlier));
                continue;
            }
            Accepted listener = new Accepted(d, name, address.get());
            accepted.add(listener);
            byName.put(name, listener);
            byAddress.put(where, listener);
        }
        return new ListenerClaims(names, accepted, unaddressed, repeats);
    }
}
