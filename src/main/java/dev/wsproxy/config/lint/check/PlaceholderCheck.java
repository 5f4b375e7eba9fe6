package dev.wsproxy.config.lint.check;

import dev.wsproxy.config.ast.Directive;
import dev.wsproxy.config.diag.Code;
import dev.wsproxy.config.diag.Diagnostics;
import dev.wsproxy.config.schema.DirectiveSpec;
import dev.wsproxy.config.schema.Scope;
import dev.wsproxy.config.schema.ValueType;
import dev.wsproxy.config.source.Span;
import dev.wsproxy.config.value.ListenAddresses;
import dev.wsproxy.config.value.Parsed;
import java.util.Optional;
import java.util.Set;

/** WSP211: a name or value that is an unrendered installer placeholder, which OLS takes literally. */
public final class PlaceholderCheck implements DirectiveCheck {

    @Override
    public Set<Code> codes() {
        return Set.of(Code.PLACEHOLDER);
    }

    @Override
    public void directive(Directive d, Scope scope, Optional<DirectiveSpec> spec, Diagnostics out) {
        // rewrite rules and exp: URIs are regex text, where [ABC] is a character class
        if (scope.raw() == Scope.Raw.RULES || d.is("context") || d.is("websocket") || d.is("uri")
                || isListenAddress(d, spec)) {
            return;
        }
        Placeholders.find(d.name()).ifPresentOrElse(
                m -> report(m.group(), d.span(), out),
                () -> Placeholders.find(d.value()).ifPresent(
                        m -> report(m.group(), Spans.within(d.valueSpan(), m.start()), out)));
    }

    /** {@code [ANY]:443} is OLS's own spelling of {@code [::]:443}: an address OLS parses holds no placeholder. */
    private static boolean isListenAddress(Directive d, Optional<DirectiveSpec> spec) {
        return spec.filter(s -> s.type() == ValueType.LISTEN_ADDRESS).isPresent()
                && ListenAddresses.parse(d.value().strip()) instanceof Parsed.Ok<?>;
    }

    private static void report(String token, Span at, Diagnostics out) {
        out.add(Code.PLACEHOLDER, at, "`" + token + "` looks like an unrendered placeholder",
                "OLS reads it literally; this file looks like a template an installer should have filled in."
                        + " Replace the placeholder with the real value.");
    }
}
