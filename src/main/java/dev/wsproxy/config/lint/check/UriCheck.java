package dev.wsproxy.config.lint.check;

import dev.wsproxy.config.ast.Block;
import dev.wsproxy.config.ast.Directive;
import dev.wsproxy.config.diag.Diagnostics;
import dev.wsproxy.config.lint.DirectiveCheck;
import dev.wsproxy.config.schema.DirectiveSpec;
import dev.wsproxy.config.schema.Scope;
import dev.wsproxy.config.source.Span;
import dev.wsproxy.config.value.Parsed;
import dev.wsproxy.config.value.Uris;
import java.util.Optional;

/**
 * WSP306/WSP210: a {@code context} or {@code websocket} URI that is neither a path nor a compiling
 * {@code exp:} regex; a regex error points at its column within the value.
 */
public final class UriCheck implements DirectiveCheck {

    @Override
    public void directive(Directive d, Scope scope, Optional<DirectiveSpec> spec, Diagnostics out) {
        if (spec.isEmpty() || !d.isBlock() || !(d.is("context") || d.is("websocket"))) {
            return;
        }
        Span at = d.value().isBlank() ? Block.of(d).first("uri").map(Directive::valueSpan).orElse(d.span())
                : d.valueSpan();
        String raw = d.value().isBlank() ? Block.of(d).value("uri").orElse("") : d.value();
        if (raw.isBlank()) {
            return;
        }
        int lead = raw.length() - raw.stripLeading().length();
        if (Uris.parse(raw) instanceof Parsed.Bad<?> bad) {
            out.add(bad.code(), Spans.within(at, lead + bad.offset()), d.name() + " URI: " + bad.summary(), bad.detail());
        }
    }
}
