package dev.wsproxy.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Linux's {@code net.ipv4.tcp_migrate_req}: whether the kernel hands the connections still queued on a closing
 * {@code SO_REUSEPORT} listener to another listener of its port, instead of resetting them.
 */
final class QueuedConnectionMigration {

    private static final Path SETTING = Path.of("/proc/sys/net/ipv4/tcp_migrate_req");

    private QueuedConnectionMigration() {
    }

    static boolean on() {
        try {
            return Files.readString(SETTING).trim().equals("1");
        } catch (IOException e) {
            return false;
        }
    }
}
