package dev.wsproxy.server.proxy;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A {@code java.net.http.WebSocket} client that queues what it receives, whole messages at a time. */
public final class WsClient implements WebSocket.Listener {

    /** Something the client received. */
    public record Event(String kind, String text, byte[] bytes, int code) {
    }

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    public final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    public final CompletableFuture<Void> closed = new CompletableFuture<>();
    WebSocket socket;
    private StringBuilder text = new StringBuilder();
    private final ByteArrayOutputStream binary = new ByteArrayOutputStream();

    public static WsClient connect(URI uri, String... subprotocols) throws Exception {
        WsClient client = new WsClient();
        WebSocket.Builder builder = HTTP.newWebSocketBuilder();
        if (subprotocols.length > 0) {
            builder.subprotocols(subprotocols[0], List.of(subprotocols).subList(1, subprotocols.length)
                    .toArray(String[]::new));
        }
        client.socket = builder.buildAsync(uri, client).get(10, TimeUnit.SECONDS);
        return client;
    }

    public Event next() throws InterruptedException {
        Event event = events.poll(20, TimeUnit.SECONDS);
        if (event == null) {
            throw new AssertionError("nothing received within 20 s");
        }
        return event;
    }

    public String echoText(String message) throws Exception {
        socket.sendText(message, true).get(10, TimeUnit.SECONDS);
        return next().text();
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        text.append(data);
        if (last) {
            events.add(new Event("text", text.toString(), null, 0));
            text = new StringBuilder();
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
        byte[] chunk = new byte[data.remaining()];
        data.get(chunk);
        binary.writeBytes(chunk);
        if (last) {
            events.add(new Event("binary", null, binary.toByteArray(), 0));
            binary.reset();
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onPong(WebSocket webSocket, ByteBuffer message) {
        byte[] bytes = new byte[message.remaining()];
        message.get(bytes);
        events.add(new Event("pong", null, bytes, 0));
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        events.add(new Event("close", reason, null, statusCode));
        closed.complete(null);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        events.add(new Event("error", String.valueOf(error), null, 0));
        closed.complete(null);
    }
}
