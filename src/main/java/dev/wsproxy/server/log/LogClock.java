package dev.wsproxy.server.log;

import io.undertow.util.DateUtils;
import java.util.Date;

/** The access-log time ({@code [25/Nov/2026:16:58:10 +0000]}), formatted once per second rather than per request. */
public final class LogClock {

    /** The formatted time of one second. */
    private record Stamp(long second, String text) {
    }

    private static volatile Stamp last = new Stamp(-1, "");

    private LogClock() {
    }

    public static String now() {
        long millis = System.currentTimeMillis();
        long second = millis / 1000;
        Stamp stamp = last;
        if (stamp.second() != second) {
            stamp = new Stamp(second, DateUtils.toCommonLogFormat(new Date(second * 1000)));
            last = stamp;
        }
        return stamp.text();
    }
}
