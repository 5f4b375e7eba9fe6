import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

/**
 * wss load generator for bench/tls: CONNECTIONS TLS connections, one thread each, every one sending a masked
 * SIZE-byte binary frame and waiting for its echo before the next (closed loop). Counts the echoes between
 * WARMUP_S and WARMUP_S + MEASURE_S and prints "messages=N rate=R"; given the clock ticks per second and the
 * server's process ids, also the server's CPU time per message over exactly that window ("cpu_us_per_msg=C").
 * Run: java bench/tls/WssEcho.java wss://localhost:8443/echo/ CERT.pem 4 64 3 10 [CLK_TCK PID...]
 */
public final class WssEcho {

    public static void main(String[] args) throws Exception {
        URI uri = URI.create(args[0]);
        SSLContext tls = trusting(Path.of(args[1]));
        int connections = Integer.parseInt(args[2]);
        int size = Integer.parseInt(args[3]);
        long warmupNanos = (long) (Double.parseDouble(args[4]) * 1e9);
        long measureNanos = (long) (Double.parseDouble(args[5]) * 1e9);

        LongAdder counted = new LongAdder();
        AtomicBoolean running = new AtomicBoolean(true);
        long start = System.nanoTime();
        long measureStart = start + warmupNanos;
        long measureEnd = measureStart + measureNanos;
        List<Thread> threads = new ArrayList<>();
        List<SSLSocket> sockets = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            SSLSocket socket = open(tls, uri);
            sockets.add(socket);
            Thread thread = new Thread(() -> loop(socket, size, counted, running, measureStart, measureEnd), "wss-" + i);
            threads.add(thread);
        }
        threads.forEach(Thread::start);
        List<Long> pids = new ArrayList<>();
        for (int i = 7; i < args.length; i++) {
            pids.add(Long.parseLong(args[i]));
        }
        Thread.sleep(Math.max(0, (measureStart - System.nanoTime()) / 1_000_000));
        long ticksBefore = cpuTicks(pids);
        Thread.sleep(Math.max(0, (measureEnd - System.nanoTime()) / 1_000_000 + 1));
        long ticksAfter = cpuTicks(pids);
        running.set(false);
        for (SSLSocket socket : sockets) {
            socket.close();
        }
        for (Thread thread : threads) {
            thread.join(5_000);
        }
        long messages = counted.sum();
        System.out.printf("messages=%d rate=%.0f", messages, messages / (measureNanos / 1e9));
        if (!pids.isEmpty()) {
            double ticksPerSecond = Double.parseDouble(args[6]);
            System.out.printf(" cpu_us_per_msg=%.1f", (ticksAfter - ticksBefore) * 1e6 / ticksPerSecond / Math.max(1, messages));
        }
        System.out.println();
    }

    /** User plus system CPU of the processes, in clock ticks, from /proc/PID/stat (fields 14 and 15). */
    private static long cpuTicks(List<Long> pids) throws IOException {
        long ticks = 0;
        for (long pid : pids) {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        }
        return ticks;
    }

    private static void loop(SSLSocket socket, int size, LongAdder counted, AtomicBoolean running, long from, long to) {
        byte[] frame = maskedBinaryFrame(size);
        byte[] echo = new byte[(size < 126 ? 2 : 4) + size];
        try {
            OutputStream out = socket.getOutputStream();
            DataInputStream in = new DataInputStream(socket.getInputStream());
            while (running.get()) {
                long sent = System.nanoTime();
                out.write(frame);
                out.flush();
                in.readFully(echo);
                long now = System.nanoTime();
                if (sent >= from && now <= to) {
                    counted.increment();
                }
            }
        } catch (IOException e) {
            if (running.get()) {
                throw new IllegalStateException("connection failed during the run", e);
            }
        }
    }

    private static SSLSocket open(SSLContext tls, URI uri) throws IOException {
        SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket();
        socket.connect(new InetSocketAddress("127.0.0.1", uri.getPort()), 5_000);
        socket.setTcpNoDelay(true);
        SSLParameters parameters = socket.getSSLParameters();
        parameters.setServerNames(List.of(new SNIHostName(uri.getHost())));
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        socket.setSSLParameters(parameters);
        OutputStream out = socket.getOutputStream();
        out.write(("GET " + uri.getRawPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + "\r\nUpgrade: websocket\r\n"
                + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        String head = readHead(socket.getInputStream());
        if (!head.startsWith("HTTP/1.1 101")) {
            throw new IOException("handshake refused: " + head);
        }
        return socket;
    }

    private static String readHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (head.length() < 4 || !head.substring(head.length() - 4).equals("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("closed during the handshake: " + head);
            }
            head.append((char) b);
        }
        return head.toString();
    }

    private static byte[] maskedBinaryFrame(int size) {
        byte[] mask = {0x5a, 0x13, (byte) 0xc4, 0x2e};
        int header = size < 126 ? 2 : 4;
        byte[] frame = new byte[header + 4 + size];
        frame[0] = (byte) 0x82;
        if (size < 126) {
            frame[1] = (byte) (0x80 | size);
        } else {
            frame[1] = (byte) (0x80 | 126);
            frame[2] = (byte) (size >> 8);
            frame[3] = (byte) size;
        }
        System.arraycopy(mask, 0, frame, header, 4);
        for (int i = 0; i < size; i++) {
            frame[header + 4 + i] = (byte) ('x' ^ mask[i % 4]);
        }
        return frame;
    }

    private static SSLContext trusting(Path certificate) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("bench", CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(Files.readAllBytes(certificate))));
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        return context;
    }
}
