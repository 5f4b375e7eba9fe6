package dev.wsproxy.config.lint.check;

import dev.wsproxy.config.ast.Block;
import dev.wsproxy.config.ast.Directive;
import dev.wsproxy.config.diag.Code;
import dev.wsproxy.config.diag.Diagnostics;
import dev.wsproxy.config.lint.DirectiveCheck;
import dev.wsproxy.config.schema.DirectiveSpec;
import dev.wsproxy.config.schema.Scope;
import java.util.Locale;
import java.util.Optional;

/**
 * WSP312: websocket blocks that work here but not on OpenLiteSpeed 1.9.1 (docs/compatibility.md): an
 * {@code exp:} URI, which 1.9.1 drops; and {@code uds://}, {@code UDS://} and {@code unix:} addresses, which
 * its websocket parser does not read.
 */
public final class WebSocketCompatibilityCheck implements DirectiveCheck {

    @Override
    public void directive(Directive d, Scope scope, Optional<DirectiveSpec> spec, Diagnostics out) {
        if (spec.isEmpty() || !d.is("websocket") || !d.isBlock()) {
            return;
        }
        String uri = Block.nameOf(d, "uri").orElse("");
        if (uri.regionMatches(true, 0, "exp:", 0, 4)) {
            out.add(Code.DIFFERS_FROM_OLS, d.valueSpan(), "an exp: websocket URI works in wsproxy but not in OLS 1.9.1",
                    "OLS 1.9.1 silently drops websocket blocks with exp: URIs; wsproxy routes them, trying regex"
                            + " blocks before plain ones. Use a plain /path/ URI if the config must also run on OLS.");
        }
        Block.of(d).first("address").ifPresent(address -> {
            String text = address.value().trim().toLowerCase(Locale.ROOT);
            // uds:/// is WSP320's
            if (!UdsTripleSlashCheck.isTripleSlash(text) && (text.startsWith("uds://") || text.startsWith("unix:"))) {
                out.add(Code.DIFFERS_FROM_OLS, address.valueSpan(), "`" + address.value().trim()
                                + "` works in wsproxy but not in OLS 1.9.1",
                        "OLS 1.9.1's websocket parser accepts only ip:port and /absolute.sock, so this backend is"
                                + " unreachable there. Write the socket as an absolute path if the config must also"
                                + " run on OLS.");
            }
        });
    }
}
