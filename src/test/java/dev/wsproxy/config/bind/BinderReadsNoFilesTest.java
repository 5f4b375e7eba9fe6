package dev.wsproxy.config.bind;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The binder is pure: {@code ServerBinder} and every project class it reaches (through imports and same-package
 * names) touch no file; what it needs from disk the loader read into the {@code ConfigTree}.
 */
class BinderReadsNoFilesTest {
    private static final Path SOURCES = Path.of("src", "main", "java");
    private static final Pattern PROJECT_IMPORT = Pattern.compile("(?m)^import (?:static )?(dev\\.wsproxy\\.[\\w.]+?)(?:\\.[a-z]\\w*)?;");
    private static final Pattern FILE_ACCESS = Pattern.compile(
            "\\bFiles\\.|new (?:FileInputStream|FileReader|RandomAccessFile)\\(|FileChannel\\.open|\\.toRealPath\\(|\\.toFile\\(\\)");

    @Test
    void nothingTheBinderReachesTouchesAFile() throws IOException {
        Set<String> reached = reachedFrom("dev.wsproxy.config.bind.ServerBinder");
        assertTrue(reached.contains("dev.wsproxy.config.bind.RewriteBinder"), "the walk follows same-package names");
        assertTrue(reached.contains("dev.wsproxy.config.load.FileLocations"), "the walk follows imports");
        List<String> touching = reached.stream().filter(BinderReadsNoFilesTest::touchesFiles).toList();
        assertEquals(List.of(), touching, "classes the binder reaches that read the filesystem");
    }

    /** Every project class reachable from {@code start}. */
    private static Set<String> reachedFrom(String start) throws IOException {
        Set<String> reached = new TreeSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(start));
        while (!todo.isEmpty()) {
            String type = todo.pop();
            Path source = source(type);
            if (!Files.isRegularFile(source) || !reached.add(type)) {
                continue;
            }
            String text = code(source);
            Matcher imports = PROJECT_IMPORT.matcher(text);
            while (imports.find()) {
                todo.push(imports.group(1));
            }
            String pkg = type.substring(0, type.lastIndexOf('.'));
            for (String mate : packageMates(source.getParent())) {
                if (Pattern.compile("\\b" + mate + "\\b").matcher(text).find()) {
                    todo.push(pkg + "." + mate);
                }
            }
        }
        return reached;
    }

    private static Path source(String type) {
        return SOURCES.resolve(type.replace('.', '/') + ".java");
    }

    private static List<String> packageMates(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".java"))
                    .map(n -> n.substring(0, n.length() - 5)).toList();
        }
    }

    private static boolean touchesFiles(String type) {
        try {
            return FILE_ACCESS.matcher(code(source(type))).find();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The source without comments and string literals. */
    private static String code(Path source) throws IOException {
        return Files.readString(source, StandardCharsets.UTF_8)
                .replaceAll("(?s)/\\*.*?\\*/", "")
                .replaceAll("//[^\\n]*", "")
                .replaceAll("\"(?:[^\"\\\\\\n]|\\\\.)*\"", "\"\"");
    }
}
