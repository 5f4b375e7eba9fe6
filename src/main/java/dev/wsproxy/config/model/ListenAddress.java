package dev.wsproxy.config.model;

/**
 * Where a listener binds: an IP literal (no brackets) and a port; {@code 0.0.0.0} for {@code *}, {@code ANY}
 * and {@code ALL} (IPv4 only), {@code ::} for {@code [::]}, {@code [ANY]} and {@code [*]} (IPv6 and IPv4).
 */
public record ListenAddress(String text, String host, int port) {
}
