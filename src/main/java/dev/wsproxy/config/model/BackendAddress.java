package dev.wsproxy.config.model;

import java.nio.file.Path;

/** Where a proxied connection goes: a TCP host and port, or a Unix domain socket. */
public sealed interface BackendAddress {

    /** The address as written in the config, for logs and messages. */
    String text();

    /** A TCP backend; {@code host} is an IP literal (no brackets) or a name resolved at connect time. */
    record Tcp(String text, String host, int port) implements BackendAddress {
    }

    /** A Unix domain socket backend at an absolute path. */
    record Unix(String text, Path path) implements BackendAddress {
    }
}
