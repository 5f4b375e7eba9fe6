package dev.wsproxy.server.log;

import dev.wsproxy.server.exchange.AccessLogSink;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * An access-log file (directories created when missing), appended to by one background thread that wakes
 * every {@value #FLUSH_INTERVAL_MS} ms, so that request threads neither wait on the disk nor wake a thread
 * per line; {@link #close()} writes out every queued line.
 */
public final class AccessLogFile implements AccessLogSink, AutoCloseable {

    private final Path file;
    static final long FLUSH_INTERVAL_MS = 100;

    private final Queue<String> queue = new ConcurrentLinkedQueue<>();
    private final BufferedWriter writer;
    private final Thread drainer;
    private volatile boolean open = true;

    public AccessLogFile(Path file) throws IOException {
        this.file = file;
        Files.createDirectories(file.toAbsolutePath().getParent());
        this.writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND, StandardOpenOption.WRITE);
        this.drainer = new Thread(this::drain, "access-log " + file.getFileName());
        drainer.setDaemon(true);
        drainer.start();
    }

    @Override
    public void write(String line) {
        queue.add(line);
    }

    private void drain() {
        try {
            while (open) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(FLUSH_INTERVAL_MS));
                writeQueued();
            }
            writeQueued();
        } catch (IOException e) {
            System.err.println("wsproxy: access log " + file + " stopped: " + e);
        }
    }

    private void writeQueued() throws IOException {
        String line = queue.poll();
        if (line == null) {
            return;
        }
        while (line != null) {
            writer.write(line);
            writer.newLine();
            line = queue.poll();
        }
        writer.flush();
    }

    @Override
    public void close() throws IOException {
        open = false;
        LockSupport.unpark(drainer);
        try {
            drainer.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        writer.close();
    }
}
