package dev.wsproxy.config.lint.check;

import dev.wsproxy.config.ast.Block;
import dev.wsproxy.config.ast.Directive;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The realm blocks of a vhost config that OLS keeps, by name: the first of each name that has a userDB location. */
final class KeptRealms {
    private KeptRealms() {
    }

    static Map<String, Directive> of(Block config) {
        Map<String, Directive> kept = new LinkedHashMap<>();
        for (Directive realm : config.all("realm")) {
            Optional<String> name = Block.nameOf(realm, "name");
            if (name.isPresent() && realm.isBlock() && userDb(realm).isPresent()) {
                kept.putIfAbsent(name.get(), realm);
            }
        }
        return kept;
    }

    /** The realm's userDB {@code location} line, when it names a file. */
    static Optional<Directive> userDb(Directive realm) {
        return location(Block.of(realm).child("userDB"));
    }

    static Optional<Directive> location(Block db) {
        return db.first("location").filter(l -> !l.value().isBlank());
    }
}
