package dev.wsproxy.config.lint.check;

import dev.wsproxy.config.ast.Block;
import dev.wsproxy.config.diag.Code;
import dev.wsproxy.config.diag.Diagnostics;
import dev.wsproxy.config.load.ConfigTree;
import dev.wsproxy.config.model.ServerConfig;
import dev.wsproxy.config.value.RouteClaims;
import java.util.Set;

/** WSP340: a context naming a realm its vhost does not keep; OLS and wsproxy deny every request to it. */
public final class UnknownRealmCheck implements TreeCheck {

    @Override
    public Set<Code> codes() {
        return Set.of(Code.UNKNOWN_REALM);
    }

    @Override
    public void check(ConfigTree tree, ServerConfig config, Diagnostics out) {
        for (BoundVhost vhost : BoundVhost.all(tree, config)) {
            Set<String> realms = KeptRealms.of(vhost.config()).keySet();
            for (RouteClaims.Claim claim : RouteClaims.contexts(vhost.config()).accepted()) {
                Block.of(claim.block()).first("realm").filter(r -> !r.value().isBlank())
                        .filter(r -> !realms.contains(r.value().trim()))
                        .ifPresent(line -> out.add(Code.UNKNOWN_REALM, line.valueSpan(), "no realm named `"
                                        + line.value().trim() + "` in this virtual host",
                                "OLS and wsproxy deny every request to this context; define `realm " + line.value().trim()
                                        + " { userDB { location <htpasswd file> } }` in the virtual host, or correct"
                                        + " the name."));
            }
        }
    }
}
