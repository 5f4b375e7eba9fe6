package dev.wsproxy.server.log;

import dev.wsproxy.server.exchange.AccessLogSink;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * An access-log file, appended to by one background thread that wakes every {@value #FLUSH_INTERVAL_MS} ms, so
 * that request threads neither wait on the disk nor wake a thread per line; {@link #close()} writes out every
 * queued line. When the file cannot be written (a full disk, an I/O error) it keeps up to
 * {@value #MAX_PENDING_BYTES} bytes of lines, says so once in the error log, and goes on when writes succeed.
 */
public final class AccessLogFile implements AccessLogSink, AutoCloseable {

    static final long FLUSH_INTERVAL_MS = 100;
    static final int MAX_PENDING_BYTES = 4 << 20;
    private static final byte[] NEWLINE = System.lineSeparator().getBytes(StandardCharsets.UTF_8);

    private final LogFile file;
    private final ErrorLog errorLog;
    private final Queue<String> queue = new ConcurrentLinkedQueue<>();
    private final Thread drainer;
    private volatile boolean open = true;
    /** Lines taken from the queue and not yet written, in write mode; only the drainer touches it. */
    private ByteBuffer pending = ByteBuffer.allocate(64 << 10);
    private long lost;
    private String failure;

    AccessLogFile(Path path, ErrorLog errorLog) throws IOException {
        this.file = new LogFile(path);
        this.errorLog = errorLog;
        this.drainer = new Thread(this::drain, "access-log " + path.getFileName());
        drainer.setDaemon(true);
        drainer.start();
    }

    @Override
    public void write(String line) {
        queue.add(line);
    }

    LogFile file() {
        return file;
    }

    private void drain() {
        while (open) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(FLUSH_INTERVAL_MS));
            writeQueued();
        }
        writeQueued();
    }

    private void writeQueued() {
        for (String line = queue.poll(); line != null; line = queue.poll()) {
            keep(line.getBytes(StandardCharsets.UTF_8));
        }
        if (pending.position() == 0) {
            return;
        }
        pending.flip();
        try {
            file.write(pending);
            if (failure != null) {
                errorLog.notice("access log " + file.path() + ": writing again" + (lost == 0 ? ""
                        : "; " + lost + " lines were lost while it could not"));
                failure = null;
                lost = 0;
            }
        } catch (IOException e) {
            if (failure == null) {
                failure = String.valueOf(e.getMessage());
                errorLog.error("access log " + file.path() + ": cannot write (" + failure + "); keeping up to "
                        + (MAX_PENDING_BYTES >> 20) + " MiB of lines and trying again every " + FLUSH_INTERVAL_MS + " ms");
            }
        } finally {
            pending.compact();
        }
    }

    /** Adds a line to the pending bytes, or counts it as lost when they are full. */
    private void keep(byte[] line) {
        int needed = line.length + NEWLINE.length;
        if (pending.remaining() < needed) {
            if (pending.position() + needed > MAX_PENDING_BYTES) {
                lost++;
                return;
            }
            ByteBuffer larger = ByteBuffer.allocate(Math.min(MAX_PENDING_BYTES,
                    Math.max(pending.capacity() * 2, pending.position() + needed)));
            pending.flip();
            pending = larger.put(pending);
        }
        pending.put(line).put(NEWLINE);
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
        file.close();
    }
}
