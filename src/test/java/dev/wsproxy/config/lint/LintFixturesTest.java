package dev.wsproxy.config.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wsproxy.config.ConfigLoader;
import dev.wsproxy.config.LoadOptions;
import dev.wsproxy.config.diag.Code;
import dev.wsproxy.config.diag.Diagnostic;
import dev.wsproxy.config.diag.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every diagnostic code lint can report has a fixture that triggers exactly it (besides the codes its
 * header allows) and one that must not trigger it and lints clean (false-positive guard). The 4xx codes
 * are reported by the TLS start-up checks on real key files, and tested there.
 */
class LintFixturesTest {
    private static final Path FIXTURES = Path.of("src/test/resources/lint");

    @TempDir
    Path tmp;

    static List<Code> lintCodes() {
        return Arrays.stream(Code.values()).filter(c -> !c.id().startsWith("WSP4")).toList();
    }

    @Test
    void everyCodeHasTitleAndBothFixtures() {
        List<String> missing = new ArrayList<>();
        for (Code code : Code.values()) {
            if (code.title().isBlank()) {
                missing.add(code.id() + " has no title");
            }
        }
        for (Code code : lintCodes()) {
            for (String kind : List.of("positive", "negative")) {
                if (!Files.isRegularFile(FIXTURES.resolve(code.id()).resolve(kind + ".fixture"))) {
                    missing.add(code.id() + " has no " + kind + " fixture");
                }
            }
        }
        assertEquals(List.of(), missing);
    }

    @Test
    void lintCodesDocTablesEveryCodeWithItsFixture() throws IOException {
        List<String> rows = Files.readAllLines(Path.of("docs/lint-codes.md"));
        List<String> missing = new ArrayList<>();
        for (Code code : Code.values()) {
            String start = "| " + code.id() + " | " + code.severity().label() + " |";
            String fixture = "`" + FIXTURES.resolve(code.id()) + "/`";
            if (rows.stream().noneMatch(row -> row.startsWith(start))) {
                missing.add(code.id() + " has no row starting " + start);
            } else if (lintCodes().contains(code)
                    && rows.stream().noneMatch(row -> row.startsWith(start) && row.contains(fixture))) {
                missing.add(code.id() + "'s row does not name " + fixture);
            }
        }
        assertEquals(List.of(), missing, "docs/lint-codes.md");
    }

    @TestFactory
    Stream<DynamicTest> positiveFixturesTriggerTheirCode() {
        return lintCodes().stream().filter(c -> Files.exists(fixture(c, "positive"))).map(code ->
                DynamicTest.dynamicTest(code.id() + " positive", () -> {
                    Fixture fixture = Fixture.read(fixture(code, "positive"));
                    List<Diagnostic> found = lint(fixture, tmp.resolve(code.id() + "-pos"));
                    assertTrue(found.stream().anyMatch(d -> d.code() == code),
                            fixture.description() + ": expected " + code.id() + " in " + found);
                    List<Diagnostic> others = found.stream().filter(d -> d.code() != code
                            && d.severity() != Severity.INFO && !fixture.alsoAllowed().contains(d.code().id())).toList();
                    assertEquals(List.of(), others, fixture.description() + ": only " + code.id() + " expected");
                }));
    }

    @TestFactory
    Stream<DynamicTest> negativeFixturesLintClean() {
        return lintCodes().stream().filter(c -> Files.exists(fixture(c, "negative"))).map(code ->
                DynamicTest.dynamicTest(code.id() + " negative", () -> {
                    Fixture fixture = Fixture.read(fixture(code, "negative"));
                    List<Diagnostic> found = lint(fixture, tmp.resolve(code.id() + "-neg"));
                    assertFalse(found.stream().anyMatch(d -> d.code() == code),
                            fixture.description() + ": " + code.id() + " must not be reported: " + found);
                    assertEquals(List.of(), found.stream().filter(d -> d.severity() != Severity.INFO).toList(),
                            fixture.description() + ": must lint clean");
                }));
    }

    private static Path fixture(Code code, String kind) {
        return FIXTURES.resolve(code.id()).resolve(kind + ".fixture");
    }

    private static List<Diagnostic> lint(Fixture fixture, Path root) throws IOException {
        Files.createDirectories(root);
        Path config = fixture.writeTo(root);
        return ConfigLoader.load(config, LoadOptions.defaults()).diagnostics();
    }
}
