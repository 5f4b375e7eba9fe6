package dev.wsproxy.config.lint.check;

import dev.wsproxy.config.ast.Block;
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
 * WSP327: a context URI written as a regex ({@code /.*}, {@code /api/(v1|v2)/}, {@code ^/x$}) without the
 * {@code exp:} prefix. OLS takes a URI without {@code exp:} as a literal path prefix, so it matches only
 * requests for that exact text.
 */
public final class RegexInPlainUriCheck implements DirectiveCheck {
    private static final Pattern REGEX = Pattern.compile("\\.\\*|[*^()\\[\\]|\\\\]|\\$$");

    @Override
    public Set<Code> codes() {
        return Set.of(Code.REGEX_IN_PLAIN_URI);
    }

    @Override
    public void directive(Directive d, Scope scope, Optional<DirectiveSpec> spec, Diagnostics out) {
        if (spec.isEmpty() || !d.isBlock() || !d.is("context")) {
            return;
        }
        String uri = Block.nameOf(d, "uri").orElse("").strip();
        if (uri.regionMatches(true, 0, "exp:", 0, 4)) {
            return;
        }
        Matcher m = REGEX.matcher(uri);
        if (m.find()) {
            out.add(Code.REGEX_IN_PLAIN_URI, d.valueSpan(), "context `" + uri + "` looks like a regex, but has no exp:",
                    "OLS matches a URI without exp: as a literal path prefix, so `" + m.group() + "` matches only"
                            + " itself in a request path. Write `exp:" + uri + "` if a regex was meant.");
        }
    }
}
