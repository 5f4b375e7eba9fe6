package dev.wsproxy.config.lint.check;

import dev.wsproxy.config.diag.Code;
import dev.wsproxy.config.diag.Diagnostics;
import dev.wsproxy.config.model.Listener;
import dev.wsproxy.config.model.ServerConfig;
import java.util.Set;

/** WSP316: a {@code secure 1} listener without a keyFile and certFile, which OLS drops at start. */
public final class SecureListenerCheck implements ModelCheck {

    @Override
    public Set<Code> codes() {
        return Set.of(Code.SECURE_WITHOUT_CERT);
    }

    @Override
    public void check(ServerConfig config, Diagnostics out) {
        for (Listener l : config.listeners()) {
            if (l.secure() && l.tls().isEmpty()) {
                out.add(Code.SECURE_WITHOUT_CERT, l.span(), "listener `" + l.name() + "` is secure but has no certificate",
                        "OLS does not start this listener. Add `keyFile` and `certFile`, or set `secure 0`.");
            }
        }
    }
}
