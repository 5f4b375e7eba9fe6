package dev.wsproxy.server.upstream;

import io.undertow.server.HttpServerExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import org.xnio.channels.StreamSinkChannel;

/** The response body on its way to the client, each write waiting at most the timeout for the client to read. */
final class ClientResponse extends OutputStream {

    private final StreamSinkChannel channel;
    private final BackendChannel backend;
    private final BoundedWaits client;

    ClientResponse(HttpServerExchange exchange, BackendChannel backend, BoundedWaits client) {
        this.channel = exchange.getResponseChannel();
        this.backend = backend;
        this.client = client;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        client.write(channel, ByteBuffer.wrap(bytes, offset, length));
        backend.progress();
    }
}
