package dev.wsproxy.config.lint.check;

import dev.wsproxy.config.diag.Code;
import dev.wsproxy.config.diag.Diagnostic;
import dev.wsproxy.config.diag.Diagnostics;
import dev.wsproxy.config.load.ConfigTree;
import dev.wsproxy.config.model.ServerConfig;
import dev.wsproxy.config.value.RouteClaims.Claim;
import dev.wsproxy.config.value.RouteClaims.Clash;
import dev.wsproxy.config.value.RouteClaims;
import java.util.Set;

/**
 * WSP308/WSP309: two {@code context} or two {@code websocket} blocks of a vhost with one route ({@code /x} and
 * {@code /x/} are one), reported at the later block with the one that answers and why ({@link RouteClaims}).
 */
public final class RouteClashCheck implements TreeCheck {

    @Override
    public Set<Code> codes() {
        return Set.of(Code.DUPLICATE_CONTEXT, Code.DUPLICATE_WEBSOCKET);
    }

    @Override
    public void check(ConfigTree tree, ServerConfig config, Diagnostics out) {
        for (BoundVhost vhost : BoundVhost.all(tree, config)) {
            for (Clash clash : RouteClaims.contexts(vhost.config()).clashes()) {
                out.add(report(Code.DUPLICATE_CONTEXT, "context", clash, "OLS sets up contexts in the order of their URIs"
                        + " and rejects a second one for a route" + (sameText(clash) ? "." : ", so `"
                        + clash.winner().uri().text() + "` wins wherever each is written.")));
            }
            for (Clash clash : RouteClaims.websockets(vhost.config()).clashes()) {
                String first = clash.first().text();
                out.add(report(Code.DUPLICATE_WEBSOCKET, "websocket", clash, clash.replaces()
                        ? "OLS gives this block's address to the route `" + first + "` that the first block made."
                        : "OLS finds the route `" + first + "` that the first block made only under that spelling"
                                + " (a URI ending in / would match both), so it drops this block."));
            }
        }
    }

    private static boolean sameText(Clash clash) {
        return clash.kept().uri().text().equals(clash.later().uri().text());
    }

    /** The report at the later block, naming both blocks, the one that answers at run time and OLS's rule. */
    private static Diagnostic report(Code code, String kind, Clash clash, String rule) {
        Claim kept = clash.kept();
        Claim winner = clash.winner();
        int winnerLine = winner.block().span().line();
        String conflict = sameText(clash) ? "is defined twice" : "is the same route as `" + kept.uri().text() + "`";
        String slashes = sameText(clash) ? "" : "URIs that differ only in their slashes are one route. ";
        return Diagnostic.of(code, clash.later().block().span(),
                        kind + " `" + clash.later().uri().text() + "` " + conflict + "; the one at line " + winnerLine
                                + " wins",
                        slashes + rule + " The " + kind + " `" + winner.uri().text() + "` at line " + winnerLine
                                + " answers, in OLS and wsproxy; merge the two or remove one.")
                .withRelated(kept.block().span(), "`" + kept.uri().text() + "` defined here"
                        + (clash.replaces() ? "; replaced" : "; this one is used"));
    }
}
