package dev.wsproxy.config.lint.check;

import dev.wsproxy.config.ast.Directive;
import dev.wsproxy.config.diag.Diagnostics;
import dev.wsproxy.config.schema.DirectiveSpec;
import dev.wsproxy.config.schema.Scope;
import java.util.List;
import java.util.Optional;

/** A lint check that looks at directives one by one, or at the body of each block, as the walker meets them. */
public interface DirectiveCheck extends Check {

    /** Called for every directive, with the scope it is in and its table row there (empty when not valid there). */
    default void directive(Directive d, Scope scope, Optional<DirectiveSpec> spec, Diagnostics out) {
    }

    /** Called once for each block body (a file's top level included), with includes and wrappers opened. */
    default void body(Scope scope, List<Directive> body, Diagnostics out) {
    }
}
