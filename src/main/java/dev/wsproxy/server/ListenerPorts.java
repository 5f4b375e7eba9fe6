package dev.wsproxy.server;

import dev.wsproxy.config.model.Listener;

/** The port each listener binds: the configured one, or another chosen by the caller (0 = any free port). */
@FunctionalInterface
public interface ListenerPorts {

    int portFor(Listener listener);

    /** Every listener on the port its {@code address} names. */
    ListenerPorts CONFIGURED = listener -> listener.address().port();

    /** Every listener on a free port picked by the system; read them back from {@link WsproxyServer#listeners()}. */
    ListenerPorts EPHEMERAL = listener -> 0;
}
