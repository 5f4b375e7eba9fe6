package dev.wsproxy.config.model;

/**
 * Where a listener binds: an IP literal (no brackets) and a port; {@code 0.0.0.0} for {@code *}, {@code ANY}
 * and {@code ALL}, {@code ::} for {@code [::]} and {@code [ANY]}.
 */
public record ListenAddress(String text, String host, int port) {
}
