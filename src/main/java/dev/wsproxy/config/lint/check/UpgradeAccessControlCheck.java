package dev.wsproxy.config.lint.check;

import dev.wsproxy.config.ast.Block;
import dev.wsproxy.config.ast.Directive;
import dev.wsproxy.config.diag.Code;
import dev.wsproxy.config.diag.Diagnostics;
import dev.wsproxy.config.lint.DirectiveCheck;
import dev.wsproxy.config.schema.Scope;
import java.util.List;

/**
 * WSP312: a vhost that restricts access and has websocket blocks. OLS 1.9.1 tunnels upgrades before its
 * vhost access control runs, so there the restriction does not cover them; wsproxy applies it (docs/compatibility.md).
 */
public final class UpgradeAccessControlCheck implements DirectiveCheck {

    @Override
    public void body(Scope scope, List<Directive> body, Diagnostics out) {
        if (!scope.isVhostBody()) {
            return;
        }
        Block vhost = Block.of(body);
        if (vhost.all("websocket").isEmpty()) {
            return;
        }
        vhost.first("accessControl").filter(Directive::isBlock).filter(acl -> restricts(Block.of(acl)))
                .ifPresent(acl -> out.add(Code.DIFFERS_FROM_OLS, acl.span(),
                        "this accessControl also covers WebSocket upgrades in wsproxy, not in OLS 1.9.1",
                        "OLS tunnels upgrades before it checks vhost access control, so clients it denies can"
                                + " still open websockets there; wsproxy denies them. Nothing to fix unless the"
                                + " config relies on the OLS behaviour."));
    }

    private static boolean restricts(Block acl) {
        boolean allowsAll = acl.value("allow").map(a -> a.trim().equalsIgnoreCase("ALL") || a.trim().equals("*"))
                .orElse(true);
        return !allowsAll || acl.value("deny").isPresent();
    }
}
