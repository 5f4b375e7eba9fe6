package dev.wsproxy.server.upstream;

import io.undertow.server.HttpServerExchange;
import io.undertow.server.ServerConnection;
import io.undertow.util.AttachmentKey;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What ends the backend side of a client connection's exchanges (closes a proxy thread's backend connection, or ends
 * a {@link NonBlockingExchange}), run when the client connection closes, so that a client that goes away (or a
 * server that stops) never leaves a backend connection or its turn at the pool held. One close listener per client
 * connection, however many requests it makes.
 */
final class ClientBackends implements ServerConnection.CloseListener {

    private static final AttachmentKey<ClientBackends> KEY = AttachmentKey.create(ClientBackends.class);

    private final Set<Runnable> inUse = ConcurrentHashMap.newKeySet();

    /** Those of the exchange's client connection; only the thread running its exchange calls this. */
    static ClientBackends of(HttpServerExchange exchange) {
        ServerConnection connection = exchange.getConnection();
        ClientBackends backends = connection.getAttachment(KEY);
        if (backends == null) {
            backends = new ClientBackends();
            connection.putAttachment(KEY, backends);
            connection.addCloseListener(backends);
        }
        return backends;
    }

    void add(Runnable end) {
        inUse.add(end);
    }

    void remove(Runnable end) {
        inUse.remove(end);
    }

    @Override
    public void closed(ServerConnection connection) {
        inUse.forEach(Runnable::run);
    }
}
