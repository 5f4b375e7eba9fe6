package dev.wsproxy.config.bind;

import dev.wsproxy.config.ast.Block;
import dev.wsproxy.config.ast.Directive;
import dev.wsproxy.config.model.Realm;
import dev.wsproxy.config.value.PathResolver;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Binds a vhost's {@code realm} blocks (OLS reads realms at vhost level only). A realm without a userDB
 * location is left out, as OLS leaves it out (lint says so); for a second realm of the same name the first wins.
 */
final class RealmBinder {

    /** OLS re-checks a cached user or group entry after this many seconds unless {@code expire} says otherwise. */
    private static final long DEFAULT_EXPIRE_SECONDS = 60;

    private final Binding binding;

    RealmBinder(Binding binding) {
        this.binding = binding;
    }

    Map<String, Realm> bind(Block config, PathResolver paths) {
        Map<String, Realm> realms = new LinkedHashMap<>();
        for (Directive d : config.all("realm")) {
            Optional<String> name = Block.nameOf(d, "name");
            if (name.isEmpty() || !d.isBlock() || realms.containsKey(name.get())) {
                continue;
            }
            Block userDb = Block.of(d).child("userDB");
            Optional<Directive> location = location(userDb);
            if (location.isEmpty()) {
                continue;
            }
            Path userFile = paths.resolve(location.get().value());
            Optional<Path> groupFile = location(Block.of(d).child("groupDB")).map(g -> paths.resolve(g.value()));
            long expire = Settings.number(userDb, "expire").orElse(DEFAULT_EXPIRE_SECONDS);
            realms.put(name.get(), new Realm(name.get(), userFile, groupFile, Duration.ofSeconds(Math.max(0, expire)),
                    d.span()));
        }
        return realms;
    }

    private static Optional<Directive> location(Block db) {
        return db.first("location").filter(l -> !l.value().isBlank());
    }
}
