package dev.wsproxy.os;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * The Uid, Gid and Groups lines of a process's {@code /proc/<pid>/status}: real, effective, saved and file-system
 * ids, and the supplementary groups.
 */
public record ProcessIds(List<Integer> uids, List<Integer> gids, List<Integer> groups) {

    public static ProcessIds of(long pid) throws IOException {
        return of(Path.of("/proc", Long.toString(pid), "status"));
    }

    /** The ids of each live thread of process {@code pid} ("self" for this one), from its task status files. */
    public static List<ProcessIds> ofEveryThread(String pid) throws IOException {
        try (Stream<Path> tasks = Files.list(Path.of("/proc", pid, "task"))) {
            List<ProcessIds> threads = new ArrayList<>();
            for (Path task : tasks.toList()) {
                try {
                    threads.add(of(task.resolve("status")));
                } catch (NoSuchFileException ended) {
                    // the thread ended after the listing: nothing of it is left to check
                }
            }
            return threads;
        }
    }

    private static ProcessIds of(Path status) throws IOException {
        List<String> lines = Files.readAllLines(status);
        return new ProcessIds(numbers(lines, "Uid:"), numbers(lines, "Gid:"), numbers(lines, "Groups:"));
    }

    private static List<Integer> numbers(List<String> lines, String key) {
        return lines.stream().filter(line -> line.startsWith(key)).findFirst()
                .map(line -> Arrays.stream(line.substring(key.length()).trim().split("\\s+"))
                        .filter(s -> !s.isEmpty()).map(Integer::valueOf).toList())
                .orElse(List.of());
    }

    /** Whether the real, effective, saved and file-system uids are all {@code uid}. */
    public boolean allUids(int uid) {
        return uids.size() == 4 && uids.stream().allMatch(id -> id == uid);
    }

    /** Whether the real, effective, saved and file-system gids are all {@code gid}. */
    public boolean allGids(int gid) {
        return gids.size() == 4 && gids.stream().allMatch(id -> id == gid);
    }
}
