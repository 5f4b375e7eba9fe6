package dev.wsproxy.config.load;

import dev.wsproxy.config.ast.Directive;
import dev.wsproxy.config.diag.Diagnostics;
import dev.wsproxy.config.syntax.ConfigParser;
import dev.wsproxy.config.syntax.ParseResult;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A config reader that parses the files it is told about ahead, on every core, while the caller reads
 * the ones before. Each file's directives and diagnostics come out of {@link #read} when it is called,
 * so the diagnostics keep the order of a one-thread read.
 */
final class ReadAheadReader implements AutoCloseable {
    private final ConfigParser parser;
    private final Map<Path, Future<ParseResult>> ahead = new HashMap<>();
    private ExecutorService workers;

    ReadAheadReader(ConfigParser parser) {
        this.parser = parser;
    }

    /** Starts on the files {@link #read} will probably be asked for next, in that order. */
    void readAhead(List<Path> files) {
        for (Path file : files) {
            ahead.computeIfAbsent(file, f -> workers().submit(() -> parser.parseFile(f)));
        }
    }

    /** The directives of {@code file}, its syntax diagnostics added to {@code into}. */
    List<Directive> read(Path file, Diagnostics into) {
        // a file read twice is parsed again the second time, as without read-ahead
        Future<ParseResult> started = ahead.remove(file);
        ParseResult result = started == null ? parser.parseFile(file) : awaited(started);
        into.addAll(result.diagnostics());
        return result.directives();
    }

    private static ParseResult awaited(Future<ParseResult> started) {
        try {
            return started.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the config", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e.getCause() instanceof RuntimeException failure ? failure : new IllegalStateException(e.getCause());
        }
    }

    private ExecutorService workers() {
        if (workers == null) {
            workers = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(), task -> {
                Thread thread = new Thread(task, "wsproxy-config-reader");
                thread.setDaemon(true);
                return thread;
            });
        }
        return workers;
    }

    /** Drops the files read ahead but never asked for. */
    @Override
    public void close() {
        if (workers != null) {
            workers.shutdownNow();
        }
    }
}
