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
 *        the same work at the same times. A round trip counts from the moment the frame is written, but a turn
 *        that finds its connection still waiting for an echo is sent as soon as that echo is back and counts from
 *        its appointed time, so a proxy that falls behind shows it in the percentiles; a second such turn is
 *        missed (counted). (Counting every turn from its appointed time charged the proxies with this
 *        generator's own lateness: it wakes once a millisecond at most, and alone against the echo backend
 *        measured a p50 of 600 µs that way, 300 µs now.)
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

    private final boolean paced;
    private final boolean closedLoop;
    private final boolean idle;
    private final List<Conn> conns;
    private final Selector selector;
    private final String[] watched;
    private final long measureStart;
    private final long measureEnd;
    private final long interval;
    private final int[] histogram = new int[2_000_000]; // microseconds, up to 2 s
    private final ByteBuffer in = ByteBuffer.allocateDirect(256 * 1024);
    private long messages;
    private long completed;
    private long ticksAtStart = -1;
    private long ticksAtEnd = -1;
    private long nextTurnAt;
    private int nextTurn;
    private long missed;

    private LoadGen(String mode, List<Conn> conns, Selector selector, String[] watched, double warmup, double measure,
            double pacedRate) {
        this.paced = mode.equals("paced");
        this.closedLoop = mode.equals("rtt");
        this.idle = mode.equals("idle");
        this.conns = conns;
        this.selector = selector;
        this.watched = watched;
        long now = System.nanoTime();
        this.measureStart = now + (long) (warmup * 1e9);
        this.measureEnd = !idle ? measureStart + (long) (measure * 1e9) : Long.MAX_VALUE;
        this.interval = paced ? (long) (1e9 / pacedRate) : 0;
        this.nextTurnAt = now;
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        URI uri = URI.create(args[1]);
        int connections = Integer.parseInt(args[2]);
        int size = args.length > 3 ? Integer.parseInt(args[3]) : 64;
        double warmup = args.length > 4 ? Double.parseDouble(args[4]) : 0;
        double measure = args.length > 5 ? Double.parseDouble(args[5]) : 0;
        String[] watched = args.length > 6 ? args[6].split(",") : new String[0];
        double pacedRate = mode.equals("paced") ? Double.parseDouble(args[7]) : 0;

        Selector selector = Selector.open();
        List<Conn> conns = connect(uri, connections, size);
        for (Conn conn : conns) {
            conn.channel.configureBlocking(false);
            conn.channel.register(selector, SelectionKey.OP_READ, conn);
        }
        // loads and links what reading /proc takes now, so that the read at the window's start stalls nothing
        cpuTicks(watched);
        LoadGen load = new LoadGen(mode, conns, selector, watched, warmup, measure, pacedRate);
        load.run();
        if (!mode.equals("idle")) {
            System.out.printf("messages=%d completed=%d rate=%.0f p50_us=%d p99_us=%d cpu_ticks=%d%s%n",
                    load.messages, load.completed, load.messages / measure, load.percentile(0.50),
                    load.percentile(0.99), load.ticksAtEnd - load.ticksAtStart,
                    load.paced ? " missed=" + load.missed : "");
        }
        for (Conn conn : conns) {
            conn.channel.close();
        }
    }

    /** Opens the connections and completes their handshakes. */
    private static List<Conn> connect(URI uri, int connections, int size) throws IOException {
        InetSocketAddress target = new InetSocketAddress(uri.getHost().replace("[", "").replace("]", ""),
                uri.getPort());
        byte[] request = ("GET " + uri.getRawPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                + "Sec-WebSocket-Version: 13\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer frame = maskedBinaryFrame(size);
        int echoLength = headerLength(size) + size;
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
        return conns;
    }

    /**
     * The measuring loop. Each step is a method of its own: the JIT compiles a method after some thousands of
     * calls, but one long loop only once its back edges reach an on-stack-replacement threshold, which at
     * 10,000 messages/s kept this loop interpreted for 5 s, long into the measured window, where the load
     * generator's own slowness showed as everyone's p99.
     */
    private void run() throws IOException {
        if (!paced) {
            for (Conn conn : conns) {
                send(conn, System.nanoTime());
            }
        }
        boolean idleReady = false;
        while (true) {
            long t = step();
            if (idle) {
                if (!idleReady && completed == conns.size()) {
                    idleReady = true;
                    System.out.println("ready");
                    System.out.flush();
                    while (System.in.read() >= 0) {
                        // hold the idle connections until the script closes our stdin
                    }
                    return;
                }
            } else if (t > measureEnd + 2_000_000_000L || (t > measureEnd && allDone())) {
                return;
            }
        }
    }

    /** Sends the turns that are due, waits for readiness, handles it; returns the time after the wait. */
    private long step() throws IOException {
        long t = System.nanoTime();
        if (paced) {
            sendDueTurns(t);
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
            handle(key, t);
        }
        return t;
    }

    private void sendDueTurns(long t) throws IOException {
        for (; nextTurnAt <= t && t < measureEnd; nextTurnAt += interval, nextTurn = (nextTurn + 1) % conns.size()) {
            Conn conn = conns.get(nextTurn);
            if (!conn.awaitingEcho) {
                send(conn, t);
            } else if (conn.pendingAt < 0) {
                conn.pendingAt = nextTurnAt;
            } else {
                missed++;
            }
        }
    }

    private void handle(SelectionKey key, long t) throws IOException {
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
                onEcho(conn, t);
            }
        }
    }

    private void onEcho(Conn conn, long t) throws IOException {
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
            send(conn, conn.pendingAt);
            conn.pendingAt = -1;
        } else if (closedLoop && t < measureEnd) {
            send(conn, t);
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

    private boolean allDone() {
        for (Conn conn : conns) {
            if (conn.received != 0 && conn.received < conn.echoLength) {
                return false;
            }
        }
        return true;
    }

    /** Sends the connection's frame; its round trip counts from {@code appointedAt}. */
    private void send(Conn conn, long appointedAt) throws IOException {
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

    private long percentile(double p) {
        long rank = (long) Math.ceil(messages * p);
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
