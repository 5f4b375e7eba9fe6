package dev.wsproxy.config.bind;

import dev.wsproxy.config.ast.Directive;
import dev.wsproxy.config.model.HostMapping;
import dev.wsproxy.config.model.ListenAddress;
import dev.wsproxy.config.model.Listener;
import dev.wsproxy.config.model.TlsSettings;
import dev.wsproxy.config.source.Span;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A listener while its Host map is still being filled in OLS startup order. */
final class ListenerDraft {
    final String name;
    final ListenAddress address;
    final boolean secure;
    final boolean reusePort;
    final Optional<TlsSettings> tls;
    final Span span;
    final List<Directive> mapLines;
    private final List<HostMapping> mappings = new ArrayList<>();
    private final Map<String, HostMapping> byDomain = new HashMap<>();

    ListenerDraft(String name, ListenAddress address, boolean secure, boolean reusePort, Optional<TlsSettings> tls,
                  Span span, List<Directive> mapLines) {
        this.name = name;
        this.address = address;
        this.secure = secure;
        this.reusePort = reusePort;
        this.tls = tls;
        this.span = span;
        this.mapLines = mapLines;
    }

    /** Adds a mapping unless the domain is taken; returns the mapping that already holds it. */
    Optional<HostMapping> map(HostMapping mapping) {
        HostMapping taken = byDomain.putIfAbsent(mapping.domain(), mapping);
        if (taken == null) {
            mappings.add(mapping);
        }
        return Optional.ofNullable(taken);
    }

    Listener build() {
        return new Listener(name, address, secure, tls, mappings, reusePort, span);
    }
}
