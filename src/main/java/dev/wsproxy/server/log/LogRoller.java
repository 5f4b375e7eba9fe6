package dev.wsproxy.server.log;

import dev.wsproxy.config.model.LogRolling;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Looks at every log file once a second, as OLS does: opens again a log whose file was moved or deleted (by
 * logrotate, by hand), and rolls a log larger than its {@code rollingSize}; then writes the error log's held-back
 * line counts.
 */
final class LogRoller implements AutoCloseable {

    /** A log file and how it rolls. */
    record Watched(LogFile file, LogRolling rolling) {
    }

    private final List<Watched> logs = new CopyOnWriteArrayList<>();
    private final ErrorLog errorLog;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "log-roller");
        thread.setDaemon(true);
        return thread;
    });

    LogRoller(ErrorLog errorLog) {
        this.errorLog = errorLog;
    }

    void watch(Watched log) {
        logs.add(log);
    }

    List<Watched> watched() {
        return logs;
    }

    void start() {
        timer.scheduleWithFixedDelay(this::checkAll, 1, 1, TimeUnit.SECONDS);
    }

    void checkAll() {
        logs.forEach(this::check);
        errorLog.writeSummaries(System.nanoTime());
    }

    private void check(Watched log) {
        Path path = log.file().path();
        try {
            if (log.file().detached()) {
                log.file().reopen();
                errorLog.notice("log " + path + " was moved or deleted: opened it again");
            } else if (log.rolling().rolls() && log.file().size() > log.rolling().rollingSize()) {
                roll(log);
            }
        } catch (IOException e) {
            errorLog.limited(ErrorLog.Level.ERROR, "log " + path, "log " + path + ": cannot roll or open it again: " + e);
        }
    }

    private void roll(Watched log) throws IOException {
        LogArchive archive = new LogArchive(log.file().path());
        Path rolled = archive.roll(LocalDate.now());
        log.file().reopen();
        if (log.rolling().compressArchive()) {
            LogArchive.compress(rolled);
        }
        if (log.rolling().keepDays() > 0) {
            archive.deleteOlderThan(log.rolling().keepDays(), Instant.now());
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
