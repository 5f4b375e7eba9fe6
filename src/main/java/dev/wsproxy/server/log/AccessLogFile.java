package dev.wsproxy.server.log;

import dev.wsproxy.server.AccessLogSink;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * An access-log file (directories created when missing), appended to by one background thread so that
 * request threads never wait on the disk; {@link #close()} writes out every queued line.
 */
public final class AccessLogFile implements AccessLogSink, AutoCloseable {

    private final Path file;
    private final BlockingQueue<String> queue = new LinkedBlockingQueue<>();
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

    public Path file() {
        return file;
    }

    @Override
    public void write(String line) {
        queue.add(line);
    }

    private void drain() {
        List<String> batch = new ArrayList<>();
        try {
            while (open || !queue.isEmpty()) {
                String first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch);
                for (String line : batch) {
                    writer.write(line);
                    writer.newLine();
                }
                writer.flush();
                batch.clear();
            }
        } catch (IOException | InterruptedException e) {
            System.err.println("wsproxy: access log " + file + " stopped: " + e);
        }
    }

    @Override
    public void close() throws IOException {
        open = false;
        try {
            drainer.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        writer.close();
    }
}
