package dev.wsproxy.config.lint.check;

import dev.wsproxy.config.ast.Block;
import dev.wsproxy.config.ast.Directive;
import dev.wsproxy.config.diag.Code;
import dev.wsproxy.config.diag.Diagnostics;
import dev.wsproxy.config.model.ServerConfig;
import dev.wsproxy.config.model.VirtualHost;
import dev.wsproxy.config.model.WebSocketRoute;
import dev.wsproxy.config.schema.DirectiveSpec;
import dev.wsproxy.config.schema.Scope;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * WSP312: what a config does differently here than on OpenLiteSpeed 1.9.1 (docs/compatibility.md). OLS tunnels
 * upgrades before it checks vhost access control and realms, wsproxy checks both first; an {@code exp:} websocket
 * URI and {@code uds://}, {@code UDS://} and {@code unix:} websocket addresses work here, not there; and
 * {@code ciphers} in {@code vhssl} has no effect here (JSSE fixes the suites before it knows the SNI name).
 */
public final class OlsDifferenceCheck implements DirectiveCheck, ModelCheck {

    @Override
    public Set<Code> codes() {
        return Set.of(Code.DIFFERS_FROM_OLS);
    }

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

    @Override
    public void check(ServerConfig config, Diagnostics out) {
        for (VirtualHost vhost : config.virtualHosts()) {
            for (WebSocketRoute route : vhost.webSockets()) {
                CoveringContext.of(vhost, route).filter(c -> c.auth().isPresent()).ifPresent(context -> out.add(
                        Code.DIFFERS_FROM_OLS, route.span(),
                        "upgrades to `" + route.uri().text() + "` need the credentials of realm `"
                                + context.auth().get().realmName() + "` in wsproxy, not in OLS 1.9.1",
                        "Context `" + context.uri().text() + "` asks for a password; OLS tunnels upgrades before it"
                                + " checks realms, wsproxy answers 401 before it connects to the backend. Nothing to"
                                + " fix unless the WebSocket clients cannot send Basic credentials."));
            }
        }
        for (VirtualHost vhost : config.virtualHosts()) {
            vhost.vhssl().filter(tls -> tls.ciphers().isPresent()).ifPresent(tls -> out.add(Code.DIFFERS_FROM_OLS,
                    tls.span(), "vhssl of virtual host " + vhost.name() + ": ciphers in vhssl has no effect in wsproxy",
                    "The listener's ciphers apply to every vhost on it; move the list to the listener if it matters."));
        }
    }
}
