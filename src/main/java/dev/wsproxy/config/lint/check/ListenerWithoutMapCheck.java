package dev.wsproxy.config.lint.check;

import dev.wsproxy.config.diag.Code;
import dev.wsproxy.config.diag.Diagnostics;
import dev.wsproxy.config.model.Listener;
import dev.wsproxy.config.model.ServerConfig;
import java.util.Set;

/** WSP319: a listener no virtual host is mapped to, so every request on it gets 404. */
public final class ListenerWithoutMapCheck implements ModelCheck {

    @Override
    public Set<Code> codes() {
        return Set.of(Code.LISTENER_WITHOUT_MAP);
    }

    @Override
    public void check(ServerConfig config, Diagnostics out) {
        for (Listener l : config.listeners()) {
            if (l.mappings().isEmpty()) {
                out.add(Code.LISTENER_WITHOUT_MAP, l.span(), "listener `" + l.name() + "` maps no virtual host",
                        "Every request to " + l.address().text() + " will get 404. Add `map <vhost> <domains>` (or `*`).");
            }
        }
    }
}
