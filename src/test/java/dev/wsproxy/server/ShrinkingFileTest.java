package dev.wsproxy.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wsproxy.config.model.Tuning;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.Socket;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A file truncated while it is being sent ends its response at once: the connection is closed, a WARN line names
 * the file, its descriptor is released and no I/O thread spins on a {@code sendfile} that can never send again.
 */
class ShrinkingFileTest extends HostileSiteTest {

    /** connTimeout long enough that only the shrinking can be what ends the response in time. */
    private static final Tuning TUNING = new Tuning(8192, 16380, 5, 60, 1000);


    @Test
    void aFileThatShrinksUnderADownloadEndsItCleanly() throws Exception {
        site = HostileSite.start(root, TUNING);
        Path large = root.resolve("site/html/large.bin");
        try (Socket client = new Socket()) {
            client.setReceiveBufferSize(4096);
            client.connect(site.address());
            client.setSoTimeout(10_000);
            client.getOutputStream().write("GET /large.bin HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            assertEquals(64 * 1024, client.getInputStream().readNBytes(64 * 1024).length);
            try (FileChannel file = FileChannel.open(large, StandardOpenOption.WRITE)) {
                file.truncate(1024 * 1024);
            }
            long start = System.nanoTime();
            int rest = HostileSite.readToEnd(client).length();
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertTrue(64 * 1024 + rest < HostileSite.LARGE_FILE, "cut short");
            assertTrue(took.compareTo(Duration.ofSeconds(5)) < 0, "closed at once, not after a timeout: " + took);
        }
        assertTrue(site.errorLog().lines().anyMatch(line -> line.contains("[WARN]") && line.contains(large.toString())
                && line.contains("shrank to 1048576 bytes")), site.errorLog());
        assertFalse(openFiles().contains(large.toString()), "the file's descriptor is closed");
        assertTrue(ioThreadsCpu(Duration.ofSeconds(1)).compareTo(Duration.ofMillis(300)) < 0, "no I/O thread spins");
        site.assertHealthy();
    }

    private static String openFiles() throws IOException {
        StringBuilder targets = new StringBuilder();
        try (var fds = Files.list(Path.of("/proc/self/fd"))) {
            for (Path fd : fds.toList()) {
                try {
                    targets.append(Files.readSymbolicLink(fd)).append('\n');
                } catch (IOException gone) {
                    // closed while listed
                }
            }
        }
        return targets.toString();
    }

    /** The CPU time the server's I/O threads use over {@code window}. */
    private static Duration ioThreadsCpu(Duration window) throws InterruptedException {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long before = ioThreadsCpuNanos(threads);
        Thread.sleep(window.toMillis());
        return Duration.ofNanos(ioThreadsCpuNanos(threads) - before);
    }

    private static long ioThreadsCpuNanos(ThreadMXBean threads) {
        long total = 0;
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().contains("I/O")) {
                total += Math.max(0, threads.getThreadCpuTime(thread.getId()));
            }
        }
        return total;
    }
}
