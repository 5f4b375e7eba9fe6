package dev.wsproxy.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.List;

/**
 * A small HTTP/1.1 backend for proxy tests, on TCP or a Unix socket: it records each request head and
 * answers with a text describing what it received, one request per connection (each answer says
 * {@code Connection: close}, as a server that closes after it must). {@code /chunked} answers chunked,
 * {@code /until-close} without a length, {@code /silent} never answers,
 * {@code /slow} answers after a second, {@code /large} with 16 MiB of zeros.
 */
final class RawHttpBackend implements AutoCloseable {

    /** One request as the backend received it. */
    record Received(String head, String body) {
        String header(String name) {
            for (String line : head.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).equalsIgnoreCase(name)) {
                    return line.substring(colon + 1).trim();
                }
            }
            return null;
        }

        String requestLine() {
            return head.substring(0, head.indexOf("\r\n"));
        }
    }

    static final int LARGE = 16 * 1024 * 1024;
    private static final ByteBuffer ZEROS = ByteBuffer.allocateDirect(LARGE).asReadOnlyBuffer();

    final List<Received> received = new CopyOnWriteArrayList<>();
    private final ServerSocketChannel server;
    private final Thread acceptor;
    private final Path socketFile;

    private RawHttpBackend(ServerSocketChannel server, Path socketFile) {
        this.server = server;
        this.socketFile = socketFile;
        this.acceptor = new Thread(this::acceptLoop, "raw-http-backend");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    static RawHttpBackend tcp() throws IOException {
        return new RawHttpBackend(BackendListener.tcp(), null);
    }

    static RawHttpBackend unix(Path socketFile) throws IOException {
        return new RawHttpBackend(BackendListener.unix(socketFile), socketFile);
    }

    int port() throws IOException {
        return BackendListener.port(server);
    }

    private void acceptLoop() {
        while (server.isOpen()) {
            try {
                SocketChannel connection = server.accept();
                Thread worker = new Thread(() -> serve(connection), "raw-http-backend-conn");
                worker.setDaemon(true);
                worker.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(SocketChannel connection) {
        try (connection) {
            ByteArrayOutputStream data = new ByteArrayOutputStream();
            ByteBuffer buffer = ByteBuffer.allocate(8192);
            int headEnd;
            while ((headEnd = data.toString(StandardCharsets.ISO_8859_1).indexOf("\r\n\r\n")) < 0) {
                buffer.clear();
                if (connection.read(buffer) < 0) {
                    return;
                }
                data.write(buffer.array(), 0, buffer.position());
            }
            String all = data.toString(StandardCharsets.ISO_8859_1);
            String head = all.substring(0, headEnd);
            Received partial = new Received(head, "");
            String length = partial.header("Content-Length");
            StringBuilder body = new StringBuilder(all.substring(headEnd + 4));
            if (length != null) {
                while (body.length() < Integer.parseInt(length)) {
                    buffer.clear();
                    if (connection.read(buffer) < 0) {
                        break;
                    }
                    body.append(new String(buffer.array(), 0, buffer.position(), StandardCharsets.ISO_8859_1));
                }
            } else if ("chunked".equalsIgnoreCase(partial.header("Transfer-Encoding"))) {
                while (!body.toString().endsWith("0\r\n\r\n")) {
                    buffer.clear();
                    if (connection.read(buffer) < 0) {
                        break;
                    }
                    body.append(new String(buffer.array(), 0, buffer.position(), StandardCharsets.ISO_8859_1));
                }
            }
            boolean chunked = "chunked".equalsIgnoreCase(partial.header("Transfer-Encoding"));
            Received request = new Received(head, chunked ? dechunk(body.toString()) : body.toString());
            received.add(request);
            respond(connection, request);
        } catch (IOException ignored) {
            // the proxy under test closed early; the test's assertions say whether that was right
        }
    }

    private static void respond(SocketChannel connection, Received request) throws IOException {
        String target = request.requestLine().split(" ")[1];
        String text = "backend saw " + request.requestLine() + " body=" + request.body();
        String response;
        if (target.contains("/silent")) {
            sleepQuietly(30_000);
            return;
        } else if (target.contains("/slow")) {
            sleepQuietly(1_000);
        }
        if (target.contains("/large")) {
            writeAll(connection, "HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: " + LARGE + "\r\n\r\n");
            ByteBuffer zeros = ZEROS.duplicate();
            while (zeros.hasRemaining()) {
                connection.write(zeros);
            }
            return;
        }
        if (target.contains("/chunked")) {
            response = "HTTP/1.1 200 OK\r\nConnection: close\r\nTransfer-Encoding: chunked\r\n"
                    + "Content-Type: text/plain\r\n\r\n" + Integer.toHexString(5) + "\r\nfirst\r\n"
                    + Integer.toHexString(text.length()) + "\r\n" + text + "\r\n0\r\n\r\n";
        } else if (target.contains("/until-close")) {
            response = "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nConnection: close\r\n\r\n" + text;
        } else if (target.contains("/created")) {
            response = "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 201 Created\r\nX-Backend: yes\r\nKeep-Alive: timeout=5\r\n"
                    + "Connection: close\r\n"
                    + "Content-Length: " + text.length() + "\r\n\r\n" + text;
        } else {
            byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
            response = "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nConnection: close\r\nContent-Length: "
                    + bytes.length + "\r\n\r\n" + text;
        }
        writeAll(connection, response);
        connection.shutdownOutput();
    }

    private static void writeAll(SocketChannel connection, String text) throws IOException {
        ByteBuffer out = ByteBuffer.wrap(text.getBytes(StandardCharsets.ISO_8859_1));
        while (out.hasRemaining()) {
            connection.write(out);
        }
    }

    private static String dechunk(String chunked) {
        StringBuilder body = new StringBuilder();
        int at = 0;
        while (true) {
            int lineEnd = chunked.indexOf("\r\n", at);
            int size = Integer.parseInt(chunked.substring(at, lineEnd).trim(), 16);
            if (size == 0) {
                return body.toString();
            }
            body.append(chunked, lineEnd + 2, lineEnd + 2 + size);
            at = lineEnd + 2 + size + 2;
        }
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        if (socketFile != null) {
            Files.deleteIfExists(socketFile);
        }
    }
}
