package dev.wsproxy.config.bind;

import dev.wsproxy.config.ast.Directive;
import dev.wsproxy.config.model.HostMapping;
import dev.wsproxy.config.model.ListenAddress;
import dev.wsproxy.config.model.Listener;
import dev.wsproxy.config.model.TlsSettings;
import dev.wsproxy.config.source.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A listener while its Host map is still being filled in OLS startup order. */
final class ListenerDraft {
    final String name;
    final ListenAddress address;
    final boolean secure;
    final Optional<TlsSettings> tls;
    final Span span;
    final List<Directive> mapLines;
    private final List<HostMapping> mappings = new ArrayList<>();

    ListenerDraft(String name, ListenAddress address, boolean secure, Optional<TlsSettings> tls, Span span,
                  List<Directive> mapLines) {
        this.name = name;
        this.address = address;
        this.secure = secure;
        this.tls = tls;
        this.span = span;
        this.mapLines = mapLines;
    }

    /** Adds a mapping unless the domain is taken; returns the mapping that already holds it. */
    Optional<HostMapping> map(HostMapping mapping) {
        Optional<HostMapping> taken = mappings.stream().filter(m -> m.domain().equals(mapping.domain())).findFirst();
        if (taken.isEmpty()) {
            mappings.add(mapping);
        }
        return taken;
    }

    Listener build() {
        return new Listener(name, address, secure, tls, mappings, span);
    }
}
