import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A meter of the machine's own stalls on the CPU it is pinned to: sleeps 1 ms at a time for SECONDS and counts
 * how late it wakes. A wake-up late by tens of milliseconds means that CPU ran something else that long, so a
 * server pinned there could not answer either. Prints one summary line; every wake-up later than SLOW_MS goes
 * to LOG_FILE with the wall-clock time, to lay beside the clients' slow requests.
 *
 *   java Hiccups.java SECONDS SLOW_MS LOG_FILE
 */
public final class Hiccups {

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: Hiccups SECONDS SLOW_MS LOG_FILE");
            System.exit(2);
        }
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(Long.parseLong(args[0]));
        long slow = TimeUnit.MILLISECONDS.toNanos(Long.parseLong(args[1]));
        long tick = TimeUnit.MILLISECONDS.toNanos(1);
        long[] lateByMillis = new long[10_001];
        long wakeUps = 0;
        long worst = 0;
        try (PrintWriter log = new PrintWriter(Files.newBufferedWriter(Path.of(args[2])), true)) {
            for (long now = System.nanoTime(); now < end; ) {
                LockSupport.parkNanos(tick);
                long woke = System.nanoTime();
                long late = Math.max(0, woke - now - tick);
                lateByMillis[(int) Math.min(lateByMillis.length - 1, TimeUnit.NANOSECONDS.toMillis(late))]++;
                wakeUps++;
                worst = Math.max(worst, late);
                if (late >= slow) {
                    log.printf("%s woke %.1f ms late%n", LocalTime.now(), late / 1e6);
                }
                now = woke;
            }
        }
        System.out.printf("wake-ups %d, late by: p99 %d ms, p99.9 %d ms, max %.1f ms%n", wakeUps,
                quantile(lateByMillis, wakeUps, 0.99), quantile(lateByMillis, wakeUps, 0.999), worst / 1e6);
    }

    private static int quantile(long[] counts, long total, double quantile) {
        long seen = 0;
        for (int millis = 0; millis < counts.length; millis++) {
            seen += counts[millis];
            if (seen > total * quantile) {
                return millis;
            }
        }
        return counts.length - 1;
    }
}
