package dev.wsproxy.config.model;

import dev.wsproxy.config.source.Span;

/**
 * One domain of a listener's Host → vhost map, normalised as OLS does (lowercase, no port, no leading
 * {@code www.}); {@code *} is the catch-all, and a domain with {@code *} or {@code ?} is a glob.
 */
public record HostMapping(String domain, String vhostName, Span span) {

    public boolean isCatchAll() {
        return domain.equals("*");
    }

    public boolean isGlob() {
        return !isCatchAll() && (domain.indexOf('*') >= 0 || domain.indexOf('?') >= 0);
    }
}
