package dev.wsproxy.cli;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** wsproxy as its own process ({@code java dev.wsproxy.cli.Main ...}), as a shell or service manager runs it. */
final class WsproxyProcess {

    /** How a finished run ended: its exit code and everything it printed. */
    record Result(int exit, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exit + "\nstdout:\n" + out + "stderr:\n" + err;
        }
    }

    private WsproxyProcess() {
    }

    /** The command line that runs wsproxy with {@code args}, on the JVM and class path of the tests. */
    static List<String> command(String... args) {
        return commandOn(System.getProperty("java.class.path"), args);
    }

    /** The command line that runs wsproxy with {@code args} on the tests' JVM and the given class path. */
    static List<String> commandOn(String classPath, String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classPath, Main.class.getName()));
        command.addAll(List.of(args));
        return command;
    }

    /**
     * The tests' class path copied into {@code lib}, readable by every user, as an install under /opt would be: a
     * server that drops root to {@code nobody} reads its classes from there, while the build's own folders may lie
     * under a folder only root can enter (a fresh clone in a mktemp folder).
     */
    static String classPathCopiedTo(Path lib) throws IOException {
        Files.createDirectories(lib);
        List<String> copies = new ArrayList<>();
        String[] entries = System.getProperty("java.class.path").split(File.pathSeparator);
        for (int i = 0; i < entries.length; i++) {
            Path from = Path.of(entries[i]);
            Path to = lib.resolve(i + "-" + from.getFileName());
            try (Stream<Path> files = Files.walk(from)) {
                for (Path file : files.toList()) {
                    Files.copy(file, to.resolve(from.relativize(file).toString()));
                }
            }
            copies.add(to.toString());
        }
        try (Stream<Path> copied = Files.walk(lib)) {
            for (Path file : copied.toList()) {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(
                        Files.isDirectory(file) ? "rwxr-xr-x" : "rw-r--r--"));
            }
        }
        return String.join(File.pathSeparator, copies);
    }

    /** Starts wsproxy in {@code directory}; stdout and stderr come merged from the process's input stream. */
    static Process start(Path directory, String... args) throws IOException {
        return new ProcessBuilder(command(args)).directory(directory.toFile()).redirectErrorStream(true).start();
    }

    /** Sends SIGTERM, leaving the pipes open: {@link Process#destroy()} closes them, losing the last lines. */
    static void sigterm(Process process) {
        process.toHandle().destroy();
    }

    /** Reads {@code output} up to the first line containing {@code marker}: the lines read, that one last. */
    static List<String> linesUntil(BufferedReader output, String marker) throws IOException {
        List<String> lines = new ArrayList<>();
        String line;
        while ((line = output.readLine()) != null) {
            lines.add(line);
            if (line.contains(marker)) {
                return lines;
            }
        }
        throw new AssertionError("the output ended before \"" + marker + "\":\n" + String.join("\n", lines));
    }

    /** The output of a process started by {@link #start}, line by line. */
    static BufferedReader output(Process process) {
        return new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    /** Runs {@code command} in {@code directory} to its end (at most 60 s). */
    static Result run(Path directory, List<String> command) throws IOException, InterruptedException {
        File out = File.createTempFile("wsproxy-out", ".txt");
        File err = File.createTempFile("wsproxy-err", ".txt");
        try {
            Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectOutput(out)
                    .redirectError(err).start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("still running after 60 s: " + command);
            }
            return new Result(process.exitValue(), Files.readString(out.toPath(), StandardCharsets.UTF_8),
                    Files.readString(err.toPath(), StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out.toPath());
            Files.deleteIfExists(err.toPath());
        }
    }

    /** Runs wsproxy with {@code args} in {@code directory} to its end. */
    static Result run(Path directory, String... args) throws IOException, InterruptedException {
        return run(directory, command(args));
    }
}
