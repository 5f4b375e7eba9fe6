import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The soak's normal clients: keep-alive connections that each send a GET at a fixed pace, latency counted from
 * each request's scheduled time, so a stalled response also counts against the requests queued behind it (no
 * coordinated omission). The first WARMUP seconds are not counted: a cold JVM cannot keep the pace while it
 * compiles. Prints one summary line, with the p99 of the whole run and the median of the p99s of its 10 s
 * windows, which a few stalls of a shared machine do not move; requests slower than a threshold and every connection that ended are
 * written, with the connection's local port, to a log for finding out why.
 *
 *   java NormalLoad.java PORT PATH CONNECTIONS REQUESTS_PER_SECOND WARMUP SECONDS SLOW_MS LOG_FILE
 */
public final class NormalLoad {

    private static final int READ_TIMEOUT_MS = 30_000;
    /** The p99 is also taken in windows this long: the median window shows the server, not one stall of the machine. */
    private static final long WINDOW_SECONDS = 10;
    private static final long WINDOW_NANOS = TimeUnit.SECONDS.toNanos(WINDOW_SECONDS);

    public static void main(String[] args) throws Exception {
        if (args.length != 8) {
            System.err.println("usage: NormalLoad PORT PATH CONNECTIONS REQUESTS_PER_SECOND WARMUP SECONDS SLOW_MS LOG_FILE");
            System.exit(2);
        }
        int port = Integer.parseInt(args[0]);
        String path = args[1];
        int connections = Integer.parseInt(args[2]);
        double rate = Double.parseDouble(args[3]);
        long warmup = Long.parseLong(args[4]);
        long seconds = Long.parseLong(args[5]);
        long slowNanos = TimeUnit.MILLISECONDS.toNanos(Long.parseLong(args[6]));
        try (PrintWriter log = new PrintWriter(Files.newBufferedWriter(Path.of(args[7])), true)) {
            new NormalLoad(port, path, connections, rate, warmup, seconds, slowNanos, log).run();
        }
    }

    private final int port;
    private final byte[] request;
    private final int connections;
    private final long intervalNanos;
    private final long seconds;
    private final long warmupNanos;
    private final long slowNanos;
    private final PrintWriter log;
    private final long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100);
    private final AtomicLong errors = new AtomicLong();
    private final AtomicLong reconnects = new AtomicLong();

    private NormalLoad(int port, String path, int connections, double rate, long warmup, long seconds,
                       long slowNanos, PrintWriter log) {
        this.port = port;
        this.request = ("GET " + path + " HTTP/1.1\r\nHost: soak\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        this.connections = connections;
        this.intervalNanos = (long) (connections * 1e9 / rate);
        this.seconds = seconds;
        this.warmupNanos = TimeUnit.SECONDS.toNanos(warmup);
        this.slowNanos = slowNanos;
        this.log = log;
    }

    private void run() throws InterruptedException {
        List<Client> clients = new ArrayList<>();
        for (int id = 0; id < connections; id++) {
            clients.add(new Client(id));
        }
        for (Client client : clients) {
            client.thread.start();
        }
        for (Client client : clients) {
            client.thread.join();
        }
        long[] all = merged(clients, -1);
        int windows = (int) ((seconds + WINDOW_SECONDS - 1) / WINDOW_SECONDS);
        double[] windowP99 = new double[windows];
        for (int window = 0; window < windows; window++) {
            windowP99[window] = millis(merged(clients, window), 0.99);
        }
        Arrays.sort(windowP99);
        System.out.printf("requests %d errors %d reconnects %d p50 %.2f ms p99 %.2f ms p99.9 %.2f ms max %.2f ms;"
                        + " p99 of each %d s: median %.2f ms, best %.2f, worst %.2f%n",
                all.length, errors.get(), reconnects.get(), millis(all, 0.50), millis(all, 0.99), millis(all, 0.999),
                all.length == 0 ? 0.0 : all[all.length - 1] / 1e6, WINDOW_SECONDS, windowP99[(windows - 1) / 2],
                windowP99[0], windowP99[windows - 1]);
    }

    /** The sorted latencies of all clients in one window, or in all of them for -1. */
    private static long[] merged(List<Client> clients, int window) {
        Latencies merged = new Latencies();
        for (Client client : clients) {
            for (int i = 0; i < client.latencies.length(); i++) {
                if (window < 0 || client.latencies.windows[i] == window) {
                    merged.add(client.latencies.values[i], window);
                }
            }
        }
        long[] sorted = Arrays.copyOf(merged.values, merged.length());
        Arrays.sort(sorted);
        return sorted;
    }

    private static double millis(long[] sorted, double quantile) {
        return sorted.length == 0 ? 0.0 : sorted[Math.min(sorted.length - 1, (int) (sorted.length * quantile))] / 1e6;
    }

    /** Milliseconds since the counted part of the run began. */
    private double sinceStart(long nanos) {
        return (nanos - start - warmupNanos) / 1e6;
    }

    /** A growable list of latencies in nanoseconds, each with the window its request was scheduled in. */
    private static final class Latencies {
        private long[] values = new long[1024];
        private int[] windows = new int[1024];
        private int size;

        void add(long value, int window) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
                windows = Arrays.copyOf(windows, size * 2);
            }
            values[size] = value;
            windows[size++] = window;
        }

        int length() {
            return size;
        }
    }

    /** One keep-alive connection and its schedule: request k is due at start + offset + k * interval. */
    private final class Client {
        private final int id;
        private final Thread thread = new Thread(this::loop);
        private final Latencies latencies = new Latencies();
        private Socket socket;
        private InputStream in;
        private OutputStream out;
        private int localPort;
        private int onThisConnection;

        Client(int id) {
            this.id = id;
        }

        private void loop() {
            long offset = intervalNanos * id / connections;
            long end = start + warmupNanos + TimeUnit.SECONDS.toNanos(seconds);
            for (long k = 0; ; k++) {
                long scheduled = start + offset + k * intervalNanos;
                if (scheduled >= end) {
                    break;
                }
                long wait = scheduled - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                exchange(scheduled);
            }
            close("load over");
        }

        /** One request, sent again once on a new connection if the server had closed the old one. */
        private void exchange(long scheduled) {
            for (int attempt = 0; attempt < 2; attempt++) {
                long sent = 0;
                try {
                    if (socket == null) {
                        open();
                    }
                    sent = System.nanoTime();
                    out.write(request);
                    long firstByte = readResponse();
                    long done = System.nanoTime();
                    onThisConnection++;
                    if (scheduled - start < warmupNanos) {
                        return;
                    }
                    latencies.add(done - scheduled, (int) ((scheduled - start - warmupNanos) / WINDOW_NANOS));
                    if (done - scheduled >= slowNanos) {
                        log.printf("%s slow conn %d port %d req %d scheduled %.1f ms sent +%.1f first byte +%.1f done +%.1f%n",
                                LocalTime.now(), id, localPort, onThisConnection, sinceStart(scheduled),
                                (sent - scheduled) / 1e6, (firstByte - scheduled) / 1e6, (done - scheduled) / 1e6);
                    }
                    return;
                } catch (IOException e) {
                    long now = System.nanoTime();
                    close(e.getClass().getSimpleName() + ": " + e.getMessage() + " after "
                            + (sent == 0 ? "no send" : String.format("%.1f ms", (now - sent) / 1e6))
                            + " at " + String.format("%.1f ms", sinceStart(now)));
                }
            }
            errors.incrementAndGet();
        }

        private void open() throws IOException {
            long opening = System.nanoTime();
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(READ_TIMEOUT_MS);
            socket.connect(new InetSocketAddress("127.0.0.1", port), READ_TIMEOUT_MS);
            in = new BufferedInputStream(socket.getInputStream(), 8192);
            out = socket.getOutputStream();
            localPort = socket.getLocalPort();
            onThisConnection = 0;
            long opened = System.nanoTime();
            if (reconnects.getAndIncrement() >= connections || opened - opening >= slowNanos) {
                log.printf("%s open conn %d port %d at %.1f ms in %.1f ms%n", LocalTime.now(), id, localPort, sinceStart(opened),
                        (opened - opening) / 1e6);
            }
        }

        private void close(String why) {
            if (socket == null) {
                return;
            }
            log.printf("%s closed conn %d port %d after %d requests: %s%n", LocalTime.now(), id, localPort, onThisConnection, why);
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing is all that is left to do
            }
            socket = null;
        }

        /** Reads one response with a Content-Length body; returns when its first byte came. */
        private long readResponse() throws IOException {
            int first = in.read();
            long firstByte = System.nanoTime();
            if (first < 0) {
                throw new IOException("closed by the server");
            }
            StringBuilder head = new StringBuilder().append((char) first);
            while (!head.toString().endsWith("\r\n\r\n")) {
                int c = in.read();
                if (c < 0) {
                    throw new IOException("closed by the server in a response head");
                }
                head.append((char) c);
            }
            String text = head.toString();
            if (!text.startsWith("HTTP/1.1 200")) {
                throw new IOException("answered " + text.lines().findFirst().orElse(""));
            }
            long length = contentLength(text);
            for (long skipped = 0; skipped < length; ) {
                long n = in.skip(length - skipped);
                if (n <= 0 && in.read() < 0) {
                    throw new IOException("closed by the server in a response body");
                }
                skipped += Math.max(n, 1);
            }
            if (text.toLowerCase().contains("\r\nconnection: close")) {
                close("the response said Connection: close");
            }
            return firstByte;
        }

        private static long contentLength(String head) throws IOException {
            for (String line : head.split("\r\n")) {
                if (line.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                    return Long.parseLong(line.substring(15).trim());
                }
            }
            throw new IOException("no Content-Length in " + head.lines().findFirst().orElse(""));
        }
    }
}
