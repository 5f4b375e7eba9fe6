package dev.wsproxy.config.model;

import dev.wsproxy.config.source.Span;
import java.util.List;
import java.util.Optional;

/**
 * A context's HTTP Basic authentication: the {@code realm} it names (empty when the vhost defines no such realm,
 * and then the context denies every request), the {@code authName} sent in {@code WWW-Authenticate}, and who is
 * {@code required}.
 */
public record AuthRule(String realmName, Optional<Realm> realm, String authName, Required required, Span span) {

    /** Who may pass once the password is right: any user, the users named, members of the groups named, or nobody. */
    public record Required(Kind kind, List<String> names) {

        public enum Kind { VALID_USER, USER, GROUP, NOBODY }

        public static final Required VALID_USER = new Required(Kind.VALID_USER, List.of());

        public Required {
            names = List.copyOf(names);
        }
    }
}
