package dev.wsproxy.server.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** One line per kind per interval, then a count of the lines held back; a bounded number of kinds. */
class LogThrottleTest {

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    @Test
    void theFirstLineOfAKindPassesAndTheRestAreCountedWhenTheIntervalEnds() {
        LogThrottle throttle = new LogThrottle();
        assertTrue(throttle.admit("400 bad framing", ErrorLog.Level.INFO, "first", 0));
        for (int i = 0; i < 999; i++) {
            assertFalse(throttle.admit("400 bad framing", ErrorLog.Level.INFO, "again", SECOND));
        }
        assertTrue(throttle.admit("403 denied", ErrorLog.Level.INFO, "another kind", SECOND));
        assertEquals(List.of(), throttle.expire(9 * SECOND));
        assertEquals(List.of(new LogThrottle.Summary(ErrorLog.Level.INFO,
                "999 more like this in the last 10 s were not written: first")), throttle.expire(10 * SECOND));
        assertTrue(throttle.admit("400 bad framing", ErrorLog.Level.INFO, "next interval", 10 * SECOND));
    }

    @Test
    void kindsBeyondTheLimitShareOneCount() {
        LogThrottle throttle = new LogThrottle();
        for (int i = 0; i < LogThrottle.MAX_KINDS; i++) {
            assertTrue(throttle.admit("kind " + i, ErrorLog.Level.WARN, "line " + i, 0));
        }
        for (int i = 0; i < 500; i++) {
            assertFalse(throttle.admit("path /" + i, ErrorLog.Level.WARN, "line", 0));
        }
        assertEquals(List.of(new LogThrottle.Summary(ErrorLog.Level.WARN,
                "500 more lines of other kinds in the last 10 s were not written")), throttle.expire(10 * SECOND));
    }
}
