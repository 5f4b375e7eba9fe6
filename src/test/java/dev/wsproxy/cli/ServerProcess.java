package dev.wsproxy.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code wsproxy -c <config>} in a process of its own, on this test's class path, as a user starts it. */
final class ServerProcess {

    private ServerProcess() {
    }

    /** A port the system reports free now, for a config that must name its port. */
    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Starts serving {@code config}; {@code launcher} words (e.g. setpriv and its options) come before java. */
    static Process start(Path config, String... launcher) throws IOException {
        List<String> command = new ArrayList<>(List.of(launcher));
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "-c", config.toString()));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    /** Reads the process's output up to its {@code wsproxy: serving} line; fails with what it printed instead. */
    static void awaitServing(Process process) throws IOException {
        BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        String line;
        while ((line = output.readLine()) != null && !line.contains("wsproxy: serving")) {
            seen.append(line).append('\n');
        }
        assertTrue(line != null, "never started:\n" + seen);
    }
}
