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
    private BufferedWriter writer;
    private final Thread drainer;
    private volatile boolean open = true;

    public AccessLogFile(Path file) throws IOException {
        this.file = file;
        Files.createDirectories(file.toAbsolutePath().getParent());
        this.writer = openAppending(file);
        this.drainer = new Thread(this::drain, "access-log " + file.getFileName());
        drainer.setDaemon(true);
        drainer.start();
    }

    private static BufferedWriter openAppending(Path file) throws IOException {
        return Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND, StandardOpenOption.WRITE);
    }

    /**
     * Writes out what is queued, then goes on at the file's path: a new file when the old one was moved away (as
     * {@code logrotate} does without {@code copytruncate}).
     */
    public synchronized void reopen() throws IOException {
        writeQueued();
        BufferedWriter reopened = openAppending(file);
        writer.close();
        writer = reopened;
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

    private synchronized void writeQueued() throws IOException {
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
        synchronized (this) {
            writer.close();
        }
    }
}
