package dev.wsproxy.server;

import dev.wsproxy.config.model.ServerConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A wsproxy started on ephemeral ports for one test, with a real HTTP client and a raw-socket client. */
final class RunningServer implements AutoCloseable {

    final WsproxyServer server;
    final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private RunningServer(WsproxyServer server) {
        this.server = server;
    }

    static RunningServer start(ServerConfig config) throws StartupException {
        return start(config, ServerParts.PLAIN);
    }

    static RunningServer start(ServerConfig config, ServerParts parts) throws StartupException {
        return new RunningServer(WsproxyServer.start(config, parts, ListenerPorts.EPHEMERAL, System.err));
    }

    InetSocketAddress address() {
        return server.listeners().get(0).address();
    }

    URI uri(String pathAndQuery) {
        InetSocketAddress address = address();
        String host = address.getAddress().getHostAddress();
        return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort() + pathAndQuery);
    }

    HttpResponse<String> get(String pathAndQuery, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(pathAndQuery)).timeout(Duration.ofSeconds(10));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return client.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Sends {@code head} (CRLF line ends added) exactly as written on one connection and returns the whole reply. */
    String raw(String... headLines) throws IOException {
        return raw(address(), headLines);
    }

    static String raw(InetSocketAddress address, String... headLines) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(address, 5000);
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write((String.join("\r\n", headLines) + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream reply = new ByteArrayOutputStream();
            in.transferTo(reply);
            return reply.toString(StandardCharsets.ISO_8859_1);
        }
    }

    /**
     * Reads one response off a keep-alive connection: its head, whose status must be {@code status}, then exactly
     * the {@code Content-Length} bytes of its body, which it returns.
     */
    static byte[] readResponseBody(InputStream in, int status) throws IOException {
        String text = readHead(in);
        if (status(text) != status) {
            throw new IOException("expected status " + status + ", got: " + text);
        }
        Matcher length = Pattern.compile("(?im)^Content-Length: *(\\d+)").matcher(text);
        if (!length.find()) {
            throw new IOException("no Content-Length in: " + text);
        }
        return in.readNBytes(Integer.parseInt(length.group(1)));
    }

    /** Reads a message head through its blank line, byte by byte so nothing after it is consumed. */
    static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed after: " + head.toString(StandardCharsets.ISO_8859_1));
            }
            head.write(b);
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    /** The status code of a raw reply. */
    static int status(String reply) {
        return Integer.parseInt(reply.substring(9, 12));
    }

    @Override
    public void close() {
        server.stop();
    }
}
