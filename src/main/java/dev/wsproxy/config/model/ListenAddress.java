package dev.wsproxy.config.model;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Where a listener binds: an IP literal (no brackets) and a port; {@code 0.0.0.0} for {@code *}, {@code ANY}
 * and {@code ALL} (IPv4 only), {@code ::} for {@code [::]}, {@code [ANY]} and {@code [*]} (IPv6 and IPv4).
 */
public record ListenAddress(String text, String host, int port) {

    /** The host as an IP, for comparing addresses however they are spelled ({@code [::]} and {@code [ANY]}). */
    public InetAddress ip() {
        try {
            return InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("a listen address holds an IP literal, not `" + host + "`", e);
        }
    }
}
