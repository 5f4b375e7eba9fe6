package dev.wsproxy.config.lint.check;

import dev.wsproxy.config.ast.Directive;
import dev.wsproxy.config.diag.Code;
import dev.wsproxy.config.diag.Diagnostic;
import dev.wsproxy.config.diag.Diagnostics;
import dev.wsproxy.config.diag.Severity;
import dev.wsproxy.config.schema.DirectiveSpec;
import dev.wsproxy.config.schema.DirectiveTable;
import dev.wsproxy.config.schema.Scope;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * WSP201/WSP202: a directive or block name OLS does not know anywhere, with "did you mean" among the
 * names valid in that block. Inside {@code context} OLS keeps unknown lines as module params, so they are
 * reported as info; inside module and other raw blocks they are content and not reported. Inside
 * {@code rewrite {}} OLS appends every unknown line to the rules, so pasted {@code .htaccess} text
 * ({@code RewriteCond}, {@code <IfModule>}, {@code Options ...}) is fine, but a line that is not a directive at
 * all, such as a stray file name ({@code .htaccess2}, {@code /home/x/.htaccess}), is a mistake.
 */
public final class UnknownDirectiveCheck implements DirectiveCheck {
    private static final Pattern DIRECTIVE_WORD = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*|</?[A-Za-z].*");

    private final DirectiveTable table;

    public UnknownDirectiveCheck(DirectiveTable table) {
        this.table = table;
    }

    @Override
    public Set<Code> codes() {
        return Set.of(Code.UNKNOWN_DIRECTIVE, Code.UNKNOWN_BLOCK);
    }

    @Override
    public void directive(Directive d, Scope scope, Optional<DirectiveSpec> spec, Diagnostics out) {
        if (scope == Scope.REWRITE && spec.isEmpty() && !DIRECTIVE_WORD.matcher(d.name()).matches()) {
            out.add(Code.UNKNOWN_DIRECTIVE, d.span(), "`" + d.name() + "` in rewrite is not a rewrite directive",
                    "OLS appends it to the rewrite rules, where the rewrite engine cannot read it. Remove the line,"
                            + " or write the rule it was meant to be (RewriteRule, RewriteCond, RewriteFile ...).");
            return;
        }
        if (spec.isPresent() || DirectiveTable.isWrapper(d.name()) || d.name().contains("::")
                || Placeholders.find(d.name()).isPresent() || !table.scopesOf(d.name()).isEmpty()) {
            return;
        }
        if (scope.keepsUnknownLines() && scope != Scope.CONTEXT) {
            return;
        }
        Optional<String> suggestion = Suggestions.closest(table, scope, d.name());
        String hint = suggestion.map(s -> "Did you mean `" + s + "`? ").orElse("");
        Diagnostic diagnostic;
        if (scope == Scope.CONTEXT) {
            diagnostic = Diagnostic.of(Code.UNKNOWN_DIRECTIVE, d.span(), "unknown context key `" + d.name() + "`",
                    hint + "OLS keeps it as a module param, which does nothing for static, redirect or proxy"
                            + " contexts; remove it or correct the spelling.").withSeverity(Severity.INFO);
        } else if (d.isBlock()) {
            diagnostic = Diagnostic.of(Code.UNKNOWN_BLOCK, d.span(), "unknown block `" + d.name() + "` in "
                    + scope.title(), hint + "OLS does not open this block and reads its lines into the enclosing"
                    + " block; remove it or correct the name.");
        } else {
            diagnostic = Diagnostic.of(Code.UNKNOWN_DIRECTIVE, d.span(), "unknown directive `" + d.name() + "` in "
                    + scope.title(), hint + "OLS ignores it (\"Not support [" + d.name() + "]\"); remove it or"
                    + " correct the spelling.");
        }
        out.add(diagnostic);
    }
}
