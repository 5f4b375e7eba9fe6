package dev.wsproxy.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The {@code --pid-file}: this process's id and a newline, written before the listeners bind (while still root, so
 * that {@code /run} will do) and removed at the exit only while it still names this process: a process started for a
 * handover writes its own id there, which the drained one must leave.
 */
final class PidFile {

    private final Path file;
    private final String content = ProcessHandle.current().pid() + "\n";

    private PidFile(Path file) {
        this.file = file;
    }

    static PidFile write(Path file) throws IOException {
        PidFile pidFile = new PidFile(file);
        Files.writeString(file, pidFile.content, StandardCharsets.US_ASCII);
        return pidFile;
    }

    /** Removes the file if it still names this process; says on {@code stderr} why when it cannot. */
    void remove(PrintWriter stderr) {
        try {
            if (Files.isRegularFile(file) && Files.readString(file, StandardCharsets.US_ASCII).equals(content)) {
                Files.delete(file);
            }
        } catch (IOException e) {
            stderr.println("wsproxy: cannot remove the pid file " + file + ": " + e.getMessage());
            stderr.flush();
        }
    }
}
