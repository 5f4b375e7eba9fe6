package dev.wsproxy.config.lint.check;

import dev.wsproxy.config.diag.Code;
import dev.wsproxy.config.diag.Diagnostic;
import dev.wsproxy.config.diag.Diagnostics;
import dev.wsproxy.config.model.ListenAddress;
import dev.wsproxy.config.model.Listener;
import dev.wsproxy.config.model.ServerConfig;
import java.net.InetAddress;
import java.util.List;
import java.util.Set;

/**
 * WSP351: two listeners that cannot bind side by side. Two sockets of one family on one port overlap when their
 * addresses are equal or one is that family's wildcard; they bind together only when both set {@code SO_REUSEPORT}
 * ({@code reusePort 1}, the default). An IPv4 listener and the IPv6 wildcard always bind: the IPv6 one falls back
 * to IPv6-only, as in OLS. Listeners with the very same address are WSP321.
 */
public final class ListenerPortSharingCheck implements ModelCheck {

    @Override
    public Set<Code> codes() {
        return Set.of(Code.LISTENERS_CANNOT_SHARE_PORT);
    }

    @Override
    public void check(ServerConfig config, Diagnostics out) {
        List<Listener> listeners = config.listeners();
        for (int i = 0; i < listeners.size(); i++) {
            for (int j = 0; j < i; j++) {
                Listener earlier = listeners.get(j);
                Listener later = listeners.get(i);
                if (!(earlier.reusePort() && later.reusePort()) && overlap(earlier.address(), later.address())) {
                    out.add(Diagnostic.of(Code.LISTENERS_CANNOT_SHARE_PORT, later.span(), "listener `" + later.name()
                                    + "` (" + later.address().text() + ") cannot bind beside listener `" + earlier.name()
                                    + "` (" + earlier.address().text() + "): "
                                    + (later.reusePort() ? "that one has" : "it has") + " reusePort 0",
                            "Set reusePort 1 on both (OLS's default), or give them different ports.")
                            .withRelated(earlier.span(), "the other listener"));
                }
            }
        }
    }

    private static boolean overlap(ListenAddress a, ListenAddress b) {
        InetAddress ipA = a.ip();
        InetAddress ipB = b.ip();
        if (a.port() != b.port() || ipA.getClass() != ipB.getClass()) {
            return false;
        }
        return ipA.equals(ipB) || ipA.isAnyLocalAddress() || ipB.isAnyLocalAddress();
    }
}
