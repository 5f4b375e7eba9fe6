package dev.wsproxy.config.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each {@code grammar/examples/<case>.conf} parses to the tree in {@code <case>.tree} and, when it has
 * any, the diagnostics in {@code <case>.errors}. Run with {@code -Dgolden.update=true} to rewrite them,
 * then review the diff.
 */
class GrammarGoldenTest {
    private static final Path EXAMPLES = Path.of(System.getProperty("user.dir"), "grammar", "examples");
    private static final boolean UPDATE = Boolean.getBoolean("golden.update");

    static Stream<String> cases() throws IOException {
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".conf"))
                    .map(n -> n.substring(0, n.length() - ".conf".length())).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void parsesAsRecorded(String name) throws IOException {
        ParseResult result = new ConfigParser(EXAMPLES).parseFile(EXAMPLES.resolve(name + ".conf"));
        String tree = AstDump.tree(result.directives());
        String errors = AstDump.diagnostics(result.diagnostics(), EXAMPLES);
        Path treeFile = EXAMPLES.resolve(name + ".tree");
        Path errorsFile = EXAMPLES.resolve(name + ".errors");
        if (UPDATE) {
            Files.writeString(treeFile, tree);
            if (errors.isEmpty()) {
                Files.deleteIfExists(errorsFile);
            } else {
                Files.writeString(errorsFile, errors);
            }
            return;
        }
        assertEquals(read(treeFile), tree, "tree of " + name);
        if (Files.exists(errorsFile)) {
            assertEquals(read(errorsFile), errors, "diagnostics of " + name);
        } else {
            assertEquals("", errors, "unexpected diagnostics for " + name);
        }
    }

    private static String read(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "<missing " + file.getFileName() + ">";
    }
}
