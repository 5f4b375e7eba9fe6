package dev.wsproxy.config.syntax;

import dev.wsproxy.config.ast.Directive;
import dev.wsproxy.config.diag.Diagnostic;
import java.util.List;

/**
 * What parsing a config file gave: the root file's top-level directives (includes kept as INCLUDE
 * directives holding what they brought in) and every diagnostic found on the way, in file order.
 */
public record ParseResult(List<Directive> directives, List<Diagnostic> diagnostics) {

    public ParseResult {
        directives = List.copyOf(directives);
        diagnostics = List.copyOf(diagnostics);
    }
}
