package dev.wsproxy.config.lint.check;

import dev.wsproxy.config.ast.Block;
import dev.wsproxy.config.ast.Directive;
import dev.wsproxy.config.diag.Code;
import dev.wsproxy.config.diag.Diagnostics;
import dev.wsproxy.config.schema.DirectiveSpec;
import dev.wsproxy.config.schema.DirectiveSupport;
import dev.wsproxy.config.schema.Scope;
import dev.wsproxy.config.schema.Support.Trigger;
import dev.wsproxy.config.schema.Support;
import dev.wsproxy.config.value.Numbers;
import dev.wsproxy.config.value.Parsed;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * WSP214/WSP215: a directive wsproxy does not support, set so that OLS would behave differently (as
 * {@link DirectiveSupport} says). WSP215 when wsproxy would serve what OLS refuses: {@code serve} does not start.
 */
public final class UnsupportedDirectiveCheck implements DirectiveCheck {
    private static final Pattern FLAGS = Pattern.compile("\\[([^\\]]*)]");
    private static final Pattern REFUSING_FLAG = Pattern.compile("(?i)F|forbidden|G|gone|R(edirect)?=4\\d\\d");

    private final DirectiveSupport support;
    /** Whether the vhost being walked has {@code rewrite { enable 1 }}, which its contexts inherit. */
    private boolean vhostRewriteOn;

    public UnsupportedDirectiveCheck(DirectiveSupport support) {
        this.support = support;
    }

    @Override
    public Set<Code> codes() {
        return Set.of(Code.NOT_SUPPORTED, Code.NOT_SUPPORTED_EXPOSES);
    }

    @Override
    public void body(Scope scope, List<Directive> body, Diagnostics out) {
        if (scope.isVhostBody()) {
            vhostRewriteOn = Block.of(body).child("rewrite").value("enable").map(v -> !same(v, "0")).orElse(false);
        }
    }

    @Override
    public void directive(Directive d, Scope scope, Optional<DirectiveSpec> spec, Diagnostics out) {
        Optional<Support> found = spec.flatMap(s -> support.find(scope, s.name())).filter(Support::reportable);
        if (found.isPresent() && found.get().trigger() instanceof Trigger.Value value) {
            valueSet(d, spec.get(), found.get(), value, out);
        } else if (found.isPresent() && found.get().trigger() instanceof Trigger.Switch sw && d.isBlock()) {
            switchedOn(d, scope, spec.get(), found.get(), sw, out);
        }
    }

    /** An entry with a valid value that is none of the quiet ones, or a block that is there at all. */
    private static void valueSet(Directive d, DirectiveSpec spec, Support s, Trigger.Value value, Diagnostics out) {
        String written = d.value().trim();
        boolean valid = !written.isEmpty() && ValueCheck.parse(spec, written) instanceof Parsed.Ok<?>;
        if (d.isBlock() || valid && value.quiet().stream().noneMatch(q -> same(written, q))) {
            report(s, d.isBlock() ? spec.name() : spec.name() + " " + written, d, d, out);
        }
    }

    /** A block whose switch is on, reported at the switch when it is written, else at the block. */
    private void switchedOn(Directive d, Scope scope, DirectiveSpec spec, Support s, Trigger.Switch sw,
                            Diagnostics out) {
        Optional<Directive> key = Block.of(d).first(sw.key()).filter(k -> !k.value().isBlank());
        // a context's rewrite block without its own `enable` inherits the vhost's (OLS httpcontext)
        boolean byDefault = scope == Scope.CONTEXT && d.is("rewrite") ? vhostRewriteOn
                : !same(sw.byDefault(), sw.off());
        if (key.map(k -> !same(k.value(), sw.off())).orElse(byDefault)) {
            String block = (spec.name() + " " + d.value().trim()).trim();
            report(s, block + key.map(k -> " { " + k.name() + " " + k.value().trim() + " }").orElse(""), d,
                    key.orElse(d), out);
        }
    }

    private static void report(Support s, String shown, Directive d, Directive at, Diagnostics out) {
        boolean exposes = s.exposure() == Support.Exposure.ALWAYS
                || s.exposure() == Support.Exposure.WHEN_RULES_REFUSE && refuses(d);
        if (exposes) {
            out.add(Code.NOT_SUPPORTED_EXPOSES, at.span(), "`" + shown + "` is not supported by wsproxy",
                    s.note() + " wsproxy would serve what OLS refuses, so it does not start with this: remove the"
                            + " directive to accept that, or protect the content another way (accessControl, file"
                            + " permissions, a realm).");
        } else {
            out.add(Code.NOT_SUPPORTED, at.span(), "`" + shown + "` is not supported by wsproxy",
                    s.note() + " Remove it once wsproxy's behaviour is what you want.");
        }
    }

    /** Whether a rewrite block holds a rule that refuses requests ({@code [F]}, {@code [G]}, {@code R=4xx}). */
    private static boolean refuses(Directive rewrite) {
        for (Directive line : Directive.flatten(rewrite.children())) {
            Matcher flags = FLAGS.matcher(line.name() + " " + line.value());
            while (flags.find()) {
                for (String flag : flags.group(1).split(",")) {
                    if (REFUSING_FLAG.matcher(flag.trim()).matches()) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** Whether two values mean the same to OLS: equal numbers ({@code 10M}, {@code 10485760}), else equal text. */
    private static boolean same(String a, String b) {
        Optional<Long> x = Numbers.number(a).get();
        Optional<Long> y = Numbers.number(b).get();
        return x.isPresent() && y.isPresent() ? x.equals(y) : a.trim().equalsIgnoreCase(b.trim());
    }
}
