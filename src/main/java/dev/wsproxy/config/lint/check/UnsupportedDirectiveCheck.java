package dev.wsproxy.config.lint.check;

import dev.wsproxy.config.ast.Block;
import dev.wsproxy.config.ast.Directive;
import dev.wsproxy.config.diag.Code;
import dev.wsproxy.config.diag.Diagnostics;
import dev.wsproxy.config.schema.DirectiveSpec;
import dev.wsproxy.config.schema.DirectiveSupport;
import dev.wsproxy.config.schema.Scope;
import dev.wsproxy.config.schema.Support;
import dev.wsproxy.config.schema.Support.Trigger;
import dev.wsproxy.config.value.Numbers;
import dev.wsproxy.config.value.Parsed;
import java.util.Optional;
import java.util.Set;

/**
 * WSP214/WSP215: a directive wsproxy does not support, set so that OLS would behave differently (as
 * {@link DirectiveSupport} says). WSP215 when wsproxy would serve what OLS refuses: {@code serve} does not start.
 */
public final class UnsupportedDirectiveCheck implements DirectiveCheck {
    private final DirectiveSupport support;

    public UnsupportedDirectiveCheck(DirectiveSupport support) {
        this.support = support;
    }

    @Override
    public Set<Code> codes() {
        return Set.of(Code.NOT_SUPPORTED, Code.NOT_SUPPORTED_EXPOSES);
    }

    @Override
    public void directive(Directive d, Scope scope, Optional<DirectiveSpec> spec, Diagnostics out) {
        Optional<Support> found = spec.flatMap(s -> support.find(scope, s.name())).filter(Support::reportable);
        if (found.isPresent() && found.get().trigger() instanceof Trigger.Value value) {
            valueSet(d, spec.get(), found.get(), value, out);
        } else if (found.isPresent() && found.get().trigger() instanceof Trigger.Switch sw && d.isBlock()) {
            switchedOn(d, spec.get(), found.get(), sw, out);
        }
    }

    /** An entry with a valid value that is none of the quiet ones, or a block that is there at all. */
    private static void valueSet(Directive d, DirectiveSpec spec, Support s, Trigger.Value value, Diagnostics out) {
        String written = d.value().trim();
        boolean valid = !written.isEmpty() && ValueCheck.parse(spec, written) instanceof Parsed.Ok<?>;
        if (d.isBlock() || valid && value.quiet().stream().noneMatch(q -> same(written, q))) {
            report(s, d.isBlock() ? spec.name() : spec.name() + " " + written, d, out);
        }
    }

    /** A block whose switch is on, reported at the switch when it is written, else at the block. */
    private static void switchedOn(Directive d, DirectiveSpec spec, Support s, Trigger.Switch sw, Diagnostics out) {
        Optional<Directive> key = Block.of(d).first(sw.key()).filter(k -> !k.value().isBlank());
        if (key.map(k -> !same(k.value(), sw.off())).orElse(!same(sw.byDefault(), sw.off()))) {
            String block = (spec.name() + " " + d.value().trim()).trim();
            report(s, block + key.map(k -> " { " + k.name() + " " + k.value().trim() + " }").orElse(""),
                    key.orElse(d), out);
        }
    }

    private static void report(Support s, String shown, Directive at, Diagnostics out) {
        if (s.exposure() == Support.Exposure.ALWAYS) {
            out.add(Code.NOT_SUPPORTED_EXPOSES, at.span(), "`" + shown + "` is not supported by wsproxy",
                    s.note() + " wsproxy would serve what OLS refuses, so it does not start with this: remove the"
                            + " directive to accept that, or protect the content another way (accessControl, file"
                            + " permissions, a realm).");
        } else {
            out.add(Code.NOT_SUPPORTED, at.span(), "`" + shown + "` is not supported by wsproxy",
                    s.note() + " Remove it once wsproxy's behaviour is what you want.");
        }
    }

    /** Whether two values mean the same to OLS: equal numbers ({@code 10M}, {@code 10485760}), else equal text. */
    private static boolean same(String a, String b) {
        Optional<Long> x = Numbers.number(a).get();
        Optional<Long> y = Numbers.number(b).get();
        return x.isPresent() && y.isPresent() ? x.equals(y) : a.trim().equalsIgnoreCase(b.trim());
    }
}
