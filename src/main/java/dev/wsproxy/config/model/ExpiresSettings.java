package dev.wsproxy.config.model;

import java.util.Map;
import java.util.Optional;

/**
 * Effective expires settings: {@code enableExpires}, {@code expiresDefault} and {@code expiresByType}
 * ({@code image/*} style keys allowed). Each rule is {@code A<secs>} (from access) or {@code M<secs>}
 * (from the file's modification time).
 */
public record ExpiresSettings(boolean enabled, Optional<Rule> defaultRule, Map<String, Rule> byType) {

    public static final ExpiresSettings DISABLED = new ExpiresSettings(false, Optional.empty(), Map.of());

    /** One expires rule. */
    public record Rule(boolean fromModification, long seconds) {
    }

    public ExpiresSettings {
        byType = Map.copyOf(byType);
    }
}
