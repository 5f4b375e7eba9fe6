import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * WebSocket load generator for bench/websocket: N connections on one non-blocking thread, each sending a fixed-size
 * masked binary frame and waiting for its echo before sending the next, so the figures are round trips. Modes:
 *   rtt  URL CONNECTIONS SIZE WARMUP_S MEASURE_S [PIDS] -> prints "messages=… rate=… p50_us=… p99_us=… cpu_ticks=…"
 *        closed loop: each connection sends again as soon as its echo is back, so the rate is as high as the
 *        slowest part allows. cpu_ticks is the CPU time (utime+stime, clock ticks) the comma-separated PIDS used
 *        between the start and the end of the measurement, the same window as the messages: connection set-up
 *        and warm-up are left out of both
 *   paced URL CONNECTIONS SIZE WARMUP_S MEASURE_S PIDS RATE -> the same line plus "missed=…"
 *        open loop at RATE messages/s in all: the connections take turns at even intervals, so every proxy gets
 *        the same work at the same times. A round trip counts from the message's appointed time, so a proxy
 *        that falls behind shows it in the percentiles; a turn that finds its connection still waiting for an
 *        echo is sent as soon as that echo is back, and a second such turn is missed (counted)
 *   idle URL CONNECTIONS                           -> opens the connections, echoes one message on each,
 *                                                     prints "ready", then holds them until stdin closes
 * Run with: java bench/websocket/LoadGen.java rtt ws://127.0.0.1:8080/ws 100 64 3 10
 */
public final class LoadGen {

    private static final byte[] MASK = {0x5a, 0x13, (byte) 0xc4, 0x2e};

    /** One WebSocket connection in the closed loop. */
    private static final class Conn {
        final SocketChannel channel;
        final ByteBuffer out;
        final int echoLength;
        long sentAt;
        int received;
        boolean awaitingEcho;
        long pendingAt = -1;
        final StringBuilder head = new StringBuilder();

        Conn(SocketChannel channel, ByteBuffer frame, int echoLength) {
            this.channel = channel;
            this.out = frame.duplicate();
            this.echoLength = echoLength;
        }
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        URI uri = URI.create(args[1]);
        int connections = Integer.parseInt(args[2]);
        int size = args.length > 3 ? Integer.parseInt(args[3]) : 64;
        double warmup = args.length > 4 ? Double.parseDouble(args[4]) : 0;
        double measure = args.length > 5 ? Double.parseDouble(args[5]) : 0;
        String[] watched = args.length > 6 ? args[6].split(",") : new String[0];
        boolean paced = mode.equals("paced");
        double pacedRate = paced ? Double.parseDouble(args[7]) : 0;

        InetSocketAddress target = new InetSocketAddress(uri.getHost().replace("[", "").replace("]", ""),
                uri.getPort());
        byte[] request = ("GET " + uri.getRawPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                + "Sec-WebSocket-Version: 13\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer frame = maskedBinaryFrame(size);
        int echoLength = headerLength(size) + size;

        Selector selector = Selector.open();
        List<Conn> conns = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            SocketChannel channel = SocketChannel.open(target);
            channel.setOption(java.net.StandardSocketOptions.TCP_NODELAY, true);
            channel.configureBlocking(true);
            writeFully(channel, ByteBuffer.wrap(request));
            Conn conn = new Conn(channel, frame, echoLength);
            conns.add(conn);
            if ((i + 1) % 500 == 0) {
                // let the handshakes drain so no listen backlog overflows
                for (Conn c : conns.subList(i + 1 - 500, i + 1)) {
                    readHead(c);
                }
            }
        }
        for (Conn conn : conns.subList(connections - connections % 500, connections)) {
            readHead(conn);
        }
        for (Conn conn : conns) {
            conn.channel.configureBlocking(false);
            conn.channel.register(selector, SelectionKey.OP_READ, conn);
        }

        int[] histogram = new int[2_000_000]; // microseconds, up to 2 s
        long now = System.nanoTime();
        long measureStart = now + (long) (warmup * 1e9);
        long measureEnd = !mode.equals("idle") ? measureStart + (long) (measure * 1e9) : Long.MAX_VALUE;
        long messages = 0;
        long completed = 0;
        long ticksAtStart = -1;
        long ticksAtEnd = -1;
        long interval = paced ? (long) (1e9 / pacedRate) : 0;
        long nextTurnAt = now;
        int nextTurn = 0;
        long missed = 0;
        if (!paced) {
            for (Conn conn : conns) {
                send(conn, selector, System.nanoTime());
            }
        }
        ByteBuffer in = ByteBuffer.allocateDirect(256 * 1024);
        boolean idleReady = false;
        while (true) {
            long t = System.nanoTime();
            if (paced) {
                for (; nextTurnAt <= t && t < measureEnd; nextTurnAt += interval, nextTurn = (nextTurn + 1) % connections) {
                    Conn conn = conns.get(nextTurn);
                    if (!conn.awaitingEcho) {
                        send(conn, selector, nextTurnAt);
                    } else if (conn.pendingAt < 0) {
                        conn.pendingAt = nextTurnAt;
                    } else {
                        missed++;
                    }
                }
                selector.select(Math.max(1, (nextTurnAt - t) / 1_000_000));
            } else {
                selector.select(100);
            }
            t = System.nanoTime();
            if (ticksAtStart < 0 && t >= measureStart) {
                ticksAtStart = cpuTicks(watched);
            }
            if (ticksAtEnd < 0 && t >= measureEnd) {
                ticksAtEnd = cpuTicks(watched);
            }
            Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
            while (keys.hasNext()) {
                SelectionKey key = keys.next();
                keys.remove();
                Conn conn = (Conn) key.attachment();
                if (key.isWritable()) {
                    conn.channel.write(conn.out);
                    if (!conn.out.hasRemaining()) {
                        key.interestOps(SelectionKey.OP_READ);
                    }
                }
                if (key.isReadable()) {
                    in.clear();
                    int n = conn.channel.read(in);
                    if (n < 0) {
                        throw new IOException("connection closed by the proxy");
                    }
                    conn.received += n;
                    if (conn.received >= conn.echoLength) {
                        if (conn.received > conn.echoLength) {
                            throw new IOException("more bytes than one echo: " + conn.received);
                        }
                        long micros = (t - conn.sentAt) / 1000;
                        completed++;
                        conn.awaitingEcho = false;
                        if (conn.sentAt >= measureStart && t <= measureEnd) {
                            histogram[(int) Math.min(micros, histogram.length - 1)]++;
                            messages++;
                        }
                        if (paced && conn.pendingAt >= 0) {
                            send(conn, selector, conn.pendingAt);
                            conn.pendingAt = -1;
                        } else if (mode.equals("rtt") && t < measureEnd) {
                            send(conn, selector, t);
                        }
                    }
                }
            }
            if (mode.equals("idle")) {
                if (!idleReady && completed == connections) {
                    idleReady = true;
                    System.out.println("ready");
                    System.out.flush();
                    while (System.in.read() >= 0) {
                        // hold the idle connections until the script closes our stdin
                    }
                    return;
                }
            } else if (t > measureEnd + 2_000_000_000L || (t > measureEnd && allDone(conns))) {
                break;
            }
        }
        double seconds = measure;
        System.out.printf("messages=%d completed=%d rate=%.0f p50_us=%d p99_us=%d cpu_ticks=%d%s%n", messages,
                completed, messages / seconds, percentile(histogram, messages, 0.50),
                percentile(histogram, messages, 0.99), ticksAtEnd - ticksAtStart, paced ? " missed=" + missed : "");
        for (Conn conn : conns) {
            conn.channel.close();
        }
    }

    /** utime+stime of the processes, in clock ticks, from /proc/PID/stat (fields 14 and 15). */
    private static long cpuTicks(String[] pids) throws IOException {
        long total = 0;
        for (String pid : pids) {
            String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc", pid, "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            total += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        }
        return total;
    }

    private static boolean allDone(List<Conn> conns) {
        for (Conn conn : conns) {
            if (conn.received != 0 && conn.received < conn.echoLength) {
                return false;
            }
        }
        return true;
    }

    /** Sends the connection's frame; its round trip counts from {@code appointedAt}. */
    private static void send(Conn conn, Selector selector, long appointedAt) throws IOException {
        conn.out.rewind();
        conn.received = 0;
        conn.sentAt = appointedAt;
        conn.awaitingEcho = true;
        conn.channel.write(conn.out);
        if (conn.out.hasRemaining()) {
            conn.channel.keyFor(selector).interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
        }
    }

    private static void readHead(Conn conn) throws IOException {
        ByteBuffer one = ByteBuffer.allocate(1);
        while (!conn.head.toString().endsWith("\r\n\r\n")) {
            one.clear();
            if (conn.channel.read(one) < 0) {
                throw new IOException("closed during the handshake: " + conn.head);
            }
            conn.head.append((char) one.get(0));
        }
        if (!conn.head.toString().startsWith("HTTP/1.1 101")) {
            throw new IOException("handshake refused: " + conn.head);
        }
    }

    private static void writeFully(SocketChannel channel, ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }

    private static int headerLength(int size) {
        return size < 126 ? 2 : size < 65536 ? 4 : 10;
    }

    private static ByteBuffer maskedBinaryFrame(int size) {
        int header = headerLength(size) + 4;
        ByteBuffer frame = ByteBuffer.allocateDirect(header + size);
        frame.put((byte) 0x82);
        if (size < 126) {
            frame.put((byte) (0x80 | size));
        } else if (size < 65536) {
            frame.put((byte) (0x80 | 126)).putShort((short) size);
        } else {
            frame.put((byte) (0x80 | 127)).putLong(size);
        }
        frame.put(MASK);
        for (int i = 0; i < size; i++) {
            frame.put((byte) ((i * 31) ^ MASK[i % 4]));
        }
        frame.flip();
        return frame;
    }

    private static long percentile(int[] histogram, long total, double p) {
        long rank = (long) Math.ceil(total * p);
        long seen = 0;
        for (int i = 0; i < histogram.length; i++) {
            seen += histogram[i];
            if (seen >= rank && rank > 0) {
                return i;
            }
        }
        return -1;
    }
}
