package dev.wsproxy.server.proxy;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/** Raw-socket helpers: an HTTP/WebSocket client that sends exact bytes, WebSocket frames, and a scriptable backend. */
final class Raw {

    private Raw() {
    }

    static final String KEY = "dGhlIHNhbXBsZSBub25jZQ==";

    /** A WebSocket upgrade request head for {@code uri}, with any extra header lines. */
    static String upgradeHead(String uri, String... extraHeaders) {
        StringBuilder head = new StringBuilder("GET " + uri + " HTTP/1.1\r\nHost: front.test\r\n"
                + "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: " + KEY + "\r\n"
                + "Sec-WebSocket-Version: 13\r\n");
        for (String header : extraHeaders) {
            head.append(header).append("\r\n");
        }
        return head.append("\r\n").toString();
    }

    static Socket connect(Front front) throws IOException {
        return connect(front.address());
    }

    static Socket connect(InetSocketAddress address) throws IOException {
        Socket socket = new Socket();
        socket.connect(address, 5000);
        socket.setSoTimeout(15000);
        return socket;
    }

    static void send(Socket socket, String text) throws IOException {
        socket.getOutputStream().write(text.getBytes(StandardCharsets.ISO_8859_1));
        socket.getOutputStream().flush();
    }

    /** Reads a response head (through its blank line), byte by byte so nothing after it is consumed. */
    static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed after: " + head.toString(StandardCharsets.ISO_8859_1));
            }
            head.write(b);
            matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    /** How many times {@code part} occurs in {@code text}, taken literally. */
    static int occurrences(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
            count++;
        }
        return count;
    }

    static String readExactly(InputStream in, int n) throws IOException {
        return new String(in.readNBytes(n), StandardCharsets.ISO_8859_1);
    }

    /** Sends {@code head} on a fresh connection and returns the response head. */
    static String exchange(Front front, String head) throws IOException {
        return exchange(front.address(), head);
    }

    static String exchange(InetSocketAddress address, String head) throws IOException {
        try (Socket socket = connect(address)) {
            send(socket, head);
            return readHead(socket.getInputStream());
        }
    }

    /** A backend that accepts every upgrade and names itself in an {@code X-Backend} header. */
    static Backend named(String name) throws IOException {
        return new Backend((socket, in, out) -> {
            readRequest(in);
            out.write(switching("X-Backend: " + name).getBytes(StandardCharsets.ISO_8859_1));
            in.read();
        });
    }

    /** The {@link #named} backend an upgrade to {@code uri} reached, or the status line when nothing tunnelled. */
    static String reach(InetSocketAddress address, String uri) throws IOException {
        String head = exchange(address, upgradeHead(uri));
        int at = head.indexOf("X-Backend: ");
        return at < 0 ? head.substring(0, head.indexOf("\r\n")) : head.substring(at + 11, head.indexOf("\r\n", at));
    }

    /** A masked client text frame (payload under 126 bytes). */
    static byte[] maskedText(String text) {
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        byte[] mask = {0x11, 0x22, 0x33, 0x44};
        byte[] frame = new byte[6 + payload.length];
        frame[0] = (byte) 0x81;
        frame[1] = (byte) (0x80 | payload.length);
        System.arraycopy(mask, 0, frame, 2, 4);
        for (int i = 0; i < payload.length; i++) {
            frame[6 + i] = (byte) (payload[i] ^ mask[i % 4]);
        }
        return frame;
    }

    /** Reads one unmasked server text frame (payload under 126 bytes) and returns its text. */
    static String readTextFrame(InputStream in) throws IOException {
        int first = in.read();
        int length = in.read();
        if (first != 0x81 || length < 0 || length > 125) {
            throw new IOException("unexpected frame start " + first + " " + length);
        }
        return new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }

    /** One WebSocket frame as read off a socket: its opcode, whether it came masked, and its payload unmasked. */
    record Frame(int opcode, boolean masked, byte[] payload) {
        static final int CLOSE = 0x8;

        int closeCode() {
            return ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF);
        }

        String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }
    }

    /** Reads one whole frame of any kind, masked or not. */
    static Frame readFrame(InputStream in) throws IOException {
        int first = in.read();
        int second = in.read();
        if (second < 0) {
            throw new EOFException("the connection ended before a frame");
        }
        long length = second & 0x7F;
        int extendedBytes = length == 126 ? 2 : length == 127 ? 8 : 0;
        if (extendedBytes > 0) {
            length = 0;
            for (byte b : in.readNBytes(extendedBytes)) {
                length = (length << 8) | (b & 0xFF);
            }
        }
        byte[] mask = (second & 0x80) != 0 ? in.readNBytes(4) : null;
        byte[] payload = in.readNBytes((int) length);
        for (int i = 0; mask != null && i < payload.length; i++) {
            payload[i] ^= mask[i % 4];
        }
        return new Frame(first & 0x0F, mask != null, payload);
    }

    /** An unmasked server text frame (payload under 126 bytes). */
    static byte[] serverText(String text) {
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        byte[] frame = new byte[2 + payload.length];
        frame[0] = (byte) 0x81;
        frame[1] = (byte) payload.length;
        System.arraycopy(payload, 0, frame, 2, payload.length);
        return frame;
    }

    /** A close frame with {@code code}: masked as a client sends it, or not, as a server does. */
    static byte[] close(int code, boolean masked) {
        byte[] mask = masked ? new byte[] {0x0A, 0x0B, 0x0C, 0x0D} : new byte[4];
        byte[] head = masked ? new byte[] {(byte) 0x88, (byte) 0x82, mask[0], mask[1], mask[2], mask[3]}
                : new byte[] {(byte) 0x88, 2};
        byte[] frame = Arrays.copyOf(head, head.length + 2);
        frame[head.length] = (byte) ((code >> 8) ^ mask[0]);
        frame[head.length + 1] = (byte) (code ^ mask[1]);
        return frame;
    }

    /** A TCP backend on 127.0.0.1 that runs {@code script} for each connection, each on its own thread. */
    static final class Backend implements AutoCloseable {
        /** What the backend does with one accepted connection. */
        interface Script {
            void run(Socket socket, InputStream in, OutputStream out) throws Exception;
        }

        private final ServerSocket server;
        private final ExecutorService threads = Executors.newCachedThreadPool();

        Backend(Script script) throws IOException {
            this(loopbackServer(), script);
        }

        /** Serves on {@code server}, already bound: a TCP or a junixsocket server socket. */
        Backend(ServerSocket server, Script script) {
            this.server = server;
            threads.execute(() -> {
                while (!server.isClosed()) {
                    try {
                        Socket socket = server.accept();
                        threads.execute(() -> {
                            try (socket) {
                                script.run(socket, socket.getInputStream(), socket.getOutputStream());
                            } catch (Exception e) {
                                // the test's assertions decide; a script may end by exception
                            }
                        });
                    } catch (IOException e) {
                        return;
                    }
                }
            });
        }

        private static ServerSocket loopbackServer() throws IOException {
            ServerSocket server = new ServerSocket();
            server.bind(new InetSocketAddress("127.0.0.1", 0));
            return server;
        }

        InetSocketAddress address() {
            return (InetSocketAddress) server.getLocalSocketAddress();
        }

        @Override
        public void close() throws Exception {
            server.close();
            threads.shutdownNow();
            threads.awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    /** Reads a request head the way a backend would. */
    static String readRequest(InputStream in) throws IOException {
        return readHead(in);
    }

    /** The Sec-WebSocket-Accept value a real server computes for the request's key (RFC 6455 section 4.2.2). */
    static String acceptFor(String requestHead) throws Exception {
        String key = requestHead.lines().filter(l -> l.toLowerCase().startsWith("sec-websocket-key:"))
                .findFirst().orElseThrow().substring("sec-websocket-key:".length()).trim();
        byte[] sha1 = MessageDigest.getInstance("SHA-1")
                .digest((key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11").getBytes(StandardCharsets.ISO_8859_1));
        return Base64.getEncoder().encodeToString(sha1);
    }

    static String switching(String... extraHeaders) {
        StringBuilder head = new StringBuilder("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n"
                + "Connection: Upgrade\r\nSec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n");
        for (String header : extraHeaders) {
            head.append(header).append("\r\n");
        }
        return head.append("\r\n").toString();
    }
}
