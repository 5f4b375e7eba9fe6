package dev.wsproxy.config.bind;

import dev.wsproxy.config.diag.Code;
import dev.wsproxy.config.diag.Diagnostic;
import dev.wsproxy.config.model.ContextUri;
import dev.wsproxy.config.source.Span;

/** Two {@code context} or {@code websocket} blocks whose URIs have one route key: the one kept so far and a later one. */
record RouteClash(String kind, Written kept, Written later) {

    /** A block's URI and where the block is written. */
    record Written(ContextUri uri, Span span) {
    }

    boolean sameText() {
        return kept.uri().text().equals(later.uri().text());
    }

    /** The report at the later block, naming both blocks, the one that answers at run time and why (OLS's rule). */
    Diagnostic report(Code code, Written winner, String rule) {
        String clash = sameText() ? "is defined twice" : "is the same route as `" + kept.uri().text() + "`";
        String slashes = sameText() ? "" : "URIs that differ only in their slashes are one route. ";
        return Diagnostic.of(code, later.span(),
                        kind + " `" + later.uri().text() + "` " + clash + "; the one at line " + winner.span().line()
                                + " wins",
                        slashes + rule + " The " + kind + " `" + winner.uri().text() + "` at line "
                                + winner.span().line() + " answers, in OLS and wsproxy; merge the two or remove one.")
                .withRelated(kept.span(), "`" + kept.uri().text() + "` defined here"
                        + (winner == kept ? "; this one is used" : "; replaced"));
    }
}
