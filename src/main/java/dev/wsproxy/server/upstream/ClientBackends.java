package dev.wsproxy.server.upstream;

import io.undertow.server.HttpServerExchange;
import io.undertow.server.ServerConnection;
import io.undertow.util.AttachmentKey;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The backend connections a client connection's exchanges are using, closed when the client connection closes, so
 * that a client that goes away (or a server that stops) never leaves a proxy thread waiting on a backend. One close
 * listener per client connection, however many requests it makes.
 */
final class ClientBackends implements ServerConnection.CloseListener {

    private static final AttachmentKey<ClientBackends> KEY = AttachmentKey.create(ClientBackends.class);

    private final Set<BackendChannel> inUse = ConcurrentHashMap.newKeySet();

    /** Those of the exchange's client connection; only its proxy thread calls this while the exchange runs. */
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

    void add(BackendChannel channel) {
        inUse.add(channel);
    }

    void remove(BackendChannel channel) {
        inUse.remove(channel);
    }

    @Override
    public void closed(ServerConnection connection) {
        inUse.forEach(BackendChannel::close);
    }
}
