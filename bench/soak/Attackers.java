import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * The soak's hostile clients, all in one thread on one selector so that they cost the machine little: slowloris
 * connections that trickle a request head that never ends (a byte every 2 s), non-readers that ask for a large
 * file and read nothing for 15 s, and one loop of malformed requests, each on its own connection, that counts
 * the answers by status. Each attacker opens a new connection when its old one ends; all stop after SECONDS.
 *
 *   java Attackers.java PORT SLOWLORIS NONREADERS LARGE_PATH SECONDS
 */
public final class Attackers {

    private static final long SLOWLORIS_TICK = TimeUnit.SECONDS.toNanos(2);
    private static final long NONREADER_HOLD = TimeUnit.SECONDS.toNanos(15);
    private static final long MALFORMED_WAIT = TimeUnit.SECONDS.toNanos(2);
    private static final long MALFORMED_PAUSE = TimeUnit.MILLISECONDS.toNanos(50);
    private static final int CONNECT_TIMEOUT_MS = 1000;
    private static final long RECONNECT_PAUSE = TimeUnit.MILLISECONDS.toNanos(100);
    private static final String[] MALFORMED = {
        "POST / HTTP/1.1\r\nHost: soak\r\nContent-Length: 18446744073709551621\r\n\r\nhello",
        "POST / HTTP/1.1\r\nHost: soak\r\nTransfer-Encoding: chunked, identity\r\n\r\n5\r\nhello\r\n0\r\n\r\n",
        "POST / HTTP/1.1\r\nHost: soak\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nhello\r\n0\r\n\r\n",
        "TRACE / HTTP/1.1\r\nHost: soak\r\n\r\n",
        "GET /%2e%2e/%2e%2e/etc/passwd HTTP/1.1\r\nHost: soak\r\n\r\n",
    };

    public static void main(String[] args) throws IOException {
        if (args.length != 5) {
            System.err.println("usage: Attackers PORT SLOWLORIS NONREADERS LARGE_PATH SECONDS");
            System.exit(2);
        }
        new Attackers(Integer.parseInt(args[0]), args[3]).run(Integer.parseInt(args[1]), Integer.parseInt(args[2]),
                TimeUnit.SECONDS.toNanos(Long.parseLong(args[4])));
    }

    private final InetSocketAddress server;
    private final String largePath;
    private final Selector selector = Selector.open();
    private final List<Attacker> attackers = new ArrayList<>();
    private final Map<String, Integer> answers = new TreeMap<>();
    private long slowlorisConnections;
    private long nonreaderConnections;
    private long malformedSent;
    private long connectFailures;

    private Attackers(int port, String largePath) throws IOException {
        this.server = new InetSocketAddress("127.0.0.1", port);
        this.largePath = largePath;
    }

    private void run(int slowloris, int nonreaders, long duration) throws IOException {
        long now = System.nanoTime();
        for (int i = 0; i < slowloris; i++) {
            attackers.add(new Slowloris(now));
        }
        for (int i = 0; i < nonreaders; i++) {
            attackers.add(new NonReader(now));
        }
        attackers.add(new Malformed(now));
        long end = now + duration;
        while ((now = System.nanoTime()) < end) {
            long next = end;
            for (Attacker attacker : attackers) {
                if (attacker.due <= now) {
                    attacker.onTime(now);
                }
                next = Math.min(next, attacker.due);
            }
            selector.select(Math.max(1, TimeUnit.NANOSECONDS.toMillis(next - System.nanoTime())));
            for (SelectionKey key : selector.selectedKeys()) {
                ((Attacker) key.attachment()).onReady(key, System.nanoTime());
            }
            selector.selectedKeys().clear();
        }
        for (Attacker attacker : attackers) {
            attacker.drop();
        }
        System.out.printf("attackers: %d slowloris connections, %d non-reader connections, %d malformed requests"
                + " of which answered %s, %d connects failed%n", slowlorisConnections, nonreaderConnections,
                malformedSent, answers, connectFailures);
    }

    /** One hostile client: its current connection, and the time it next has something to do. */
    private abstract class Attacker {
        SocketChannel channel;
        long due;

        Attacker(long due) {
            this.due = due;
        }

        /** Its time has come: open a connection, or do its timed step on the open one. */
        abstract void onTime(long now);

        /** Its connection is readable or connected. */
        abstract void onReady(SelectionKey key, long now);

        /** Opens a connection and sends {@code head}; the attacker is due again after {@code hold}, or soon if it failed. */
        boolean open(String head, int interest, long now, long hold) {
            due = now + hold;
            try {
                channel = SocketChannel.open();
                channel.socket().connect(server, CONNECT_TIMEOUT_MS);
                channel.configureBlocking(false);
                channel.write(ByteBuffer.wrap(head.getBytes(StandardCharsets.US_ASCII)));
                channel.register(selector, interest, this);
                return true;
            } catch (IOException e) {
                connectFailures++;
                drop();
                due = now + RECONNECT_PAUSE;
                return false;
            }
        }

        void drop() {
            if (channel != null) {
                try {
                    channel.close();
                } catch (IOException ignored) {
                    // closing is all that is left to do
                }
                channel = null;
            }
        }

        /** Reads what came: the bytes, or -1 once the server closed. */
        int read(ByteBuffer into) {
            try {
                return channel.read(into);
            } catch (IOException e) {
                return -1;
            }
        }
    }

    /** Sends a head that never ends; notices the server closing it and starts again. */
    private final class Slowloris extends Attacker {
        private final ByteBuffer sink = ByteBuffer.allocate(4096);

        Slowloris(long due) {
            super(due);
        }

        @Override
        void onTime(long now) {
            if (channel == null) {
                if (open("GET / HTTP/1.1\r\nHost: soak\r\n", SelectionKey.OP_READ, now, SLOWLORIS_TICK)) {
                    slowlorisConnections++;
                }
                return;
            }
            try {
                channel.write(ByteBuffer.wrap(new byte[] {'X'}));
                due = now + SLOWLORIS_TICK;
            } catch (IOException e) {
                drop();
                due = now + RECONNECT_PAUSE;
            }
        }

        @Override
        void onReady(SelectionKey key, long now) {
            sink.clear();
            if (read(sink) < 0) {
                drop();
                due = now + RECONNECT_PAUSE;
            }
        }
    }

    /** Asks for the large file and reads none of it; hangs up after 15 s and asks again. */
    private final class NonReader extends Attacker {
        NonReader(long due) {
            super(due);
        }

        @Override
        void onTime(long now) {
            if (channel != null) {
                drop();
                due = now + RECONNECT_PAUSE;
                return;
            }
            if (open("GET " + largePath + " HTTP/1.1\r\nHost: soak\r\n\r\n", 0, now, NONREADER_HOLD)) {
                nonreaderConnections++;
            }
        }

        @Override
        void onReady(SelectionKey key, long now) {
            // never reads
        }
    }

    /** One malformed request at a time, each on a new connection: waits up to 2 s for the status line. */
    private final class Malformed extends Attacker {
        private final ByteBuffer answer = ByteBuffer.allocate(64);
        private int next;

        Malformed(long due) {
            super(due);
        }

        @Override
        void onTime(long now) {
            if (channel != null) {
                count("none in 2 s");
                return;
            }
            answer.clear();
            if (open(MALFORMED[next++ % MALFORMED.length], SelectionKey.OP_READ, now, MALFORMED_WAIT)) {
                malformedSent++;
            }
        }

        @Override
        void onReady(SelectionKey key, long now) {
            int n = read(answer);
            if (n < 0) {
                count(answer.position() == 0 ? "closed" : status());
            } else if (answer.position() >= 12) {
                count(status());
            }
        }

        private String status() {
            return new String(answer.array(), 9, Math.min(3, Math.max(0, answer.position() - 9)),
                    StandardCharsets.US_ASCII);
        }

        private void count(String outcome) {
            answers.merge(outcome, 1, Integer::sum);
            drop();
            due = System.nanoTime() + MALFORMED_PAUSE;
        }
    }
}
