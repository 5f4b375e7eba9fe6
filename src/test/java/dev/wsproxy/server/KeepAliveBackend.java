package dev.wsproxy.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTP/1.1 backend that keeps its connections open between requests, on TCP or a Unix socket, and counts them:
 * each answer names the connection and its request number there ({@code conn 2 request 3}). {@code /slow} answers
 * after 300 ms. It can misbehave as real backends do: close a connection that has been idle for a while, or take a
 * connection's second request and close without answering it (a close that crossed the request).
 */
final class KeepAliveBackend implements AutoCloseable {

    /** One request: the connection it came on, its number there, and what it held. */
    record Received(int connection, int number, RawHttpBackend.Received request) {
        String header(String name) {
            return request.header(name);
        }

        String head() {
            return request.head();
        }

        String body() {
            return request.body();
        }
    }

    final List<Received> received = new CopyOnWriteArrayList<>();
    private final ServerSocketChannel server;
    private final Path socketFile;
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicInteger mostOpen = new AtomicInteger();
    private final AtomicInteger closedByPeer = new AtomicInteger();
    private volatile int idleCloseMillis;
    private volatile boolean dropSecondRequests;

    private KeepAliveBackend(ServerSocketChannel server, Path socketFile) {
        this.server = server;
        this.socketFile = socketFile;
        Thread acceptor = new Thread(this::acceptLoop, "keep-alive-backend");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    static KeepAliveBackend tcp() throws IOException {
        return new KeepAliveBackend(BackendListener.tcp(), null);
    }

    static KeepAliveBackend unix(Path socketFile) throws IOException {
        return new KeepAliveBackend(BackendListener.unix(socketFile), socketFile);
    }

    int port() throws IOException {
        return BackendListener.port(server);
    }

    /** Closes each connection once a read has waited this long, as a backend's keep-alive timeout (TCP only). */
    void closeIdleAfter(int millis) {
        idleCloseMillis = millis;
    }

    /** Reads the second request of each connection and closes the connection without an answer. */
    void dropSecondRequests() {
        dropSecondRequests = true;
    }

    /** Connections accepted so far. */
    int accepted() {
        return accepted.get();
    }

    /** The most connections that were open at once. */
    int mostOpen() {
        return mostOpen.get();
    }

    /** Connections the proxy closed (this backend read their end of stream). */
    int closedByPeer() {
        return closedByPeer.get();
    }

    private void acceptLoop() {
        while (server.isOpen()) {
            try {
                SocketChannel connection = server.accept();
                int id = accepted.incrementAndGet();
                mostOpen.accumulateAndGet(open.incrementAndGet(), Math::max);
                Thread worker = new Thread(() -> serve(connection, id), "keep-alive-backend-" + id);
                worker.setDaemon(true);
                worker.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(SocketChannel connection, int id) {
        try (connection) {
            InputStream in = Channels.newInputStream(connection);
            if (idleCloseMillis > 0) {
                connection.socket().setSoTimeout(idleCloseMillis);
                in = connection.socket().getInputStream();
            }
            OutputStream out = Channels.newOutputStream(connection);
            for (int number = 1; ; number++) {
                String head = readHead(in);
                if (head == null) {
                    closedByPeer.incrementAndGet();
                    return;
                }
                Received request = new Received(id, number, new RawHttpBackend.Received(head, readBody(in, head)));
                received.add(request);
                if (number == 2 && dropSecondRequests) {
                    return;
                }
                if (head.contains(" /slow")) {
                    Thread.sleep(300);
                }
                byte[] text = ("conn " + id + " request " + number + " " + head.substring(0, head.indexOf(' '))
                        + " body=" + request.body()).getBytes(StandardCharsets.ISO_8859_1);
                out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: " + text.length
                        + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                out.write(text);
            }
        } catch (IOException e) {
            // an idle timeout of closeIdleAfter, or the proxy closed mid-request: the tests count what they expect
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            open.decrementAndGet();
        }
    }

    /** A request head without its blank line, or null at a clean end of stream. */
    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                if (head.size() == 0) {
                    return null;
                }
                throw new IOException("end of stream inside a request head");
            }
            head.write(b);
        }
        String text = head.toString(StandardCharsets.ISO_8859_1);
        return text.substring(0, text.length() - 4);
    }

    private static String readBody(InputStream in, String head) throws IOException {
        String lower = head.toLowerCase(Locale.ROOT);
        int at = lower.indexOf("\r\ncontent-length:");
        if (at >= 0) {
            int end = lower.indexOf("\r\n", at + 2);
            int length = Integer.parseInt(head.substring(at + 17, end < 0 ? head.length() : end).trim());
            return new String(in.readNBytes(length), StandardCharsets.ISO_8859_1);
        }
        if (!lower.contains("\r\ntransfer-encoding: chunked")) {
            return "";
        }
        StringBuilder body = new StringBuilder();
        while (true) {
            String sizeLine = readLine(in);
            int size = Integer.parseInt(sizeLine.trim(), 16);
            if (size == 0) {
                readLine(in);
                return body.toString();
            }
            body.append(new String(in.readNBytes(size), StandardCharsets.ISO_8859_1));
            readLine(in);
        }
    }

    /** One line, trimmed; the end of stream before its newline is an error. */
    static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("end of stream inside a chunked body");
            }
            line.write(b);
        }
        return line.toString(StandardCharsets.ISO_8859_1).trim();
    }

    @Override
    public void close() throws IOException {
        server.close();
        if (socketFile != null) {
            Files.deleteIfExists(socketFile);
        }
    }
}
