package dev.wsproxy.config.lint.check;

import dev.wsproxy.config.ast.Directive;
import dev.wsproxy.config.diag.Code;
import dev.wsproxy.config.diag.Diagnostics;
import dev.wsproxy.config.schema.DirectiveSpec;
import dev.wsproxy.config.schema.Scope;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * WSP326: an installer placeholder that an install script pasted onto the text around it instead of
 * replacing, as in {@code $VH_ROOT/htmlDOCUMENT_ROOT} or {@code lsphpDEFAULT_PHP}: a capitals-and-underscores
 * word right after a lower-case letter or digit. OLS reads it literally, so the path or name is wrong.
 */
public final class GluedPlaceholderCheck implements DirectiveCheck {
    private static final Pattern GLUED = Pattern.compile("(?<=[a-z0-9])[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+(?![a-z])");

    @Override
    public Set<Code> codes() {
        return Set.of(Code.GLUED_PLACEHOLDER);
    }

    @Override
    public void directive(Directive d, Scope scope, Optional<DirectiveSpec> spec, Diagnostics out) {
        if (spec.isEmpty() || scope.raw() == Scope.Raw.RULES
                || FreeText.is(d)) {
            return;
        }
        Matcher m = GLUED.matcher(d.value());
        if (m.find()) {
            out.add(Code.GLUED_PLACEHOLDER, Spans.within(d.valueSpan(), m.start()), "`" + m.group()
                            + "` in `" + d.value().strip() + "` looks like a placeholder glued to the text before it",
                    "An installer appended its placeholder instead of replacing it; OLS reads the text literally."
                            + " Write the real value in its place.");
        }
    }
}
