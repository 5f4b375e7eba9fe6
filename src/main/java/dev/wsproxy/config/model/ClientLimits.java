package dev.wsproxy.config.model;

import java.time.Duration;

/**
 * OLS's {@code perClientConnLimit} connection limits, per client IP address: a client that keeps {@code softLimit}
 * connections or more for {@code gracePeriod} is banned for {@code banPeriod}, and one that reaches {@code hardLimit}
 * is banned at once; {@link Integer#MAX_VALUE} is no limit.
 */
public record ClientLimits(int softLimit, int hardLimit, Duration gracePeriod, Duration banPeriod) {

    /** No limit: a config without a {@code perClientConnLimit} block (see docs/hardening.md). */
    public static final ClientLimits NONE = new ClientLimits(Integer.MAX_VALUE, Integer.MAX_VALUE,
            Duration.ofSeconds(10), Duration.ofSeconds(60));

    /** Whether any connection is ever refused. */
    public boolean limits() {
        return softLimit < Integer.MAX_VALUE || hardLimit < Integer.MAX_VALUE;
    }
}
