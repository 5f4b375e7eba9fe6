package dev.wsproxy.config.model;

/**
 * How static files treat symbolic links: {@code allowSymbolLink}/{@code followSymbolLink} 0 (never),
 * 1 (always) or 2 (only when link and target have the same owner), and {@code restrained} (targets
 * must stay inside the vhost root).
 */
public record SymlinkPolicy(Follow follow, boolean restrained) {

    /** When a symbolic link may be followed. */
    public enum Follow { NEVER, ALWAYS, IF_OWNER_MATCHES }

    public static final SymlinkPolicy OLS_DEFAULT = new SymlinkPolicy(Follow.ALWAYS, false);
}
