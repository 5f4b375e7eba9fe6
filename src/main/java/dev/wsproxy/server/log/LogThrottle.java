package dev.wsproxy.server.log;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Lets the first error-log line of each kind through per {@value #INTERVAL_SECONDS}-second interval and counts the
 * rest, so that a client repeating a bad request cannot fill the disk; at most {@value #MAX_KINDS} kinds are told
 * apart per interval, and lines of further kinds share one count.
 */
final class LogThrottle {

    static final long INTERVAL_SECONDS = 10;
    static final int MAX_KINDS = 32;
    private static final String OTHER_KINDS = "";

    /** One kind's interval: when it began, its first line, and how many lines were held back since. */
    private static final class Window {
        final long start;
        final ErrorLog.Level level;
        final String first;
        int heldBack;

        Window(long start, ErrorLog.Level level, String first) {
            this.start = start;
            this.level = level;
            this.first = first;
        }
    }

    /** A line that says how many lines of a kind were held back. */
    record Summary(ErrorLog.Level level, String text) {
    }

    private final Map<String, Window> windows = new LinkedHashMap<>();

    /** Whether a line of {@code kind} is written now; when not, it is counted. */
    synchronized boolean admit(String kind, ErrorLog.Level level, String line, long nowNanos) {
        String key = windows.containsKey(kind) || windows.size() < MAX_KINDS ? kind : OTHER_KINDS;
        Window window = windows.get(key);
        if (window == null && !key.equals(OTHER_KINDS)) {
            windows.put(key, new Window(nowNanos, level, line));
            return true;
        }
        if (window == null) {
            window = new Window(nowNanos, level, "");
            windows.put(key, window);
        }
        window.heldBack++;
        return false;
    }

    /** Ends the intervals that are over, with a summary line for each kind that had lines held back. */
    synchronized List<Summary> expire(long nowNanos) {
        List<Summary> summaries = new ArrayList<>();
        for (Iterator<Window> it = windows.values().iterator(); it.hasNext(); ) {
            Window window = it.next();
            if (nowNanos - window.start < TimeUnit.SECONDS.toNanos(INTERVAL_SECONDS)) {
                continue;
            }
            it.remove();
            if (window.heldBack > 0) {
                summaries.add(new Summary(window.level, window.first.isEmpty()
                        ? window.heldBack + " more lines of other kinds in the last " + INTERVAL_SECONDS + " s were not written"
                        : window.heldBack + " more like this in the last " + INTERVAL_SECONDS + " s were not written: "
                        + window.first));
            }
        }
        return summaries;
    }
}
