package dev.wsproxy.config.model;

/**
 * When and how a log file rolls, as OLS rolls it: above {@code rollingSize} bytes (0: never) it is renamed to
 * {@code <log>.YYYY_MM_DD} (then {@code .1}, {@code .2} …), gzipped with {@code compressArchive}, and rolled
 * files older than {@code keepDays} (0: kept) are deleted.
 */
public record LogRolling(long rollingSize, int keepDays, boolean compressArchive) {

    /** A log that never rolls: an access log without {@code rollingSize}. */
    public static final LogRolling NEVER = new LogRolling(0, 0, false);

    /** The error log's rolling when its block says nothing: 10 MiB, 30 days, not compressed. */
    public static final LogRolling ERROR_LOG_DEFAULT = new LogRolling(10L << 20, 30, false);

    /** An access log's smallest rolling size: OLS raises any smaller positive value to it. */
    public static final long ACCESS_LOG_MINIMUM = 1L << 20;

    public boolean rolls() {
        return rollingSize > 0;
    }
}
