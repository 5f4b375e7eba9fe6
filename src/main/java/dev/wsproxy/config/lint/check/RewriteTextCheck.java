package dev.wsproxy.config.lint.check;

import dev.wsproxy.config.ast.Directive;
import dev.wsproxy.config.diag.Code;
import dev.wsproxy.config.diag.Diagnostics;
import dev.wsproxy.config.lint.DirectiveCheck;
import dev.wsproxy.config.schema.DirectiveSpec;
import dev.wsproxy.config.schema.Scope;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * WSP201 inside {@code rewrite {}}: OLS appends every unknown line to the rules, so pasted {@code .htaccess}
 * text ({@code RewriteCond}, {@code <IfModule>}, {@code Options ...}) is fine, but a line that is not a
 * directive at all, such as a stray file name ({@code .htaccess2}, {@code /home/x/.htaccess}), is a mistake.
 */
public final class RewriteTextCheck implements DirectiveCheck {
    private static final Pattern DIRECTIVE_WORD = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*|</?[A-Za-z].*");

    @Override
    public void directive(Directive d, Scope scope, Optional<DirectiveSpec> spec, Diagnostics out) {
        if (scope != Scope.REWRITE || spec.isPresent() || DIRECTIVE_WORD.matcher(d.name()).matches()) {
            return;
        }
        out.add(Code.UNKNOWN_DIRECTIVE, d.span(), "`" + d.name() + "` in rewrite is not a rewrite directive",
                "OLS appends it to the rewrite rules, where the rewrite engine cannot read it. Remove the line,"
                        + " or write the rule it was meant to be (RewriteRule, RewriteCond, RewriteFile ...).");
    }
}
