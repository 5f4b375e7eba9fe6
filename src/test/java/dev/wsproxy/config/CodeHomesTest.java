package dev.wsproxy.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.wsproxy.config.bind.ServerBinder;
import dev.wsproxy.config.diag.Code;
import dev.wsproxy.config.diag.Diagnostics;
import dev.wsproxy.config.lint.Linter;
import dev.wsproxy.config.lint.check.Check;
import dev.wsproxy.config.schema.DirectiveTable;
import dev.wsproxy.config.source.Span;
import dev.wsproxy.config.syntax.ConfigParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every diagnostic code has exactly one home: the syntax stage, the binder, or one lint check declares it, and no
 * source file outside its home names it.
 */
class CodeHomesTest {
    private static final Path MAIN = Path.of("src/main/java");
    private static final Path CONFIG = MAIN.resolve("dev/wsproxy/config");
    private static final Pattern CODE_REFERENCE = Pattern.compile("\\bCode\\.([A-Z][A-Z0-9_]*)\\b");

    /** A home: what it is called, the codes it declares, and the sources that may name them. */
    private record Home(String name, Set<Code> codes, List<Path> sources) {
        boolean holds(Path file) {
            return sources.stream().anyMatch(file::startsWith);
        }
    }

    private static List<Home> homes() {
        List<Home> homes = new ArrayList<>();
        homes.add(new Home("the syntax stage", ConfigParser.CODES, List.of(CONFIG.resolve("syntax"))));
        homes.add(new Home("the binder", ServerBinder.CODES, List.of(CONFIG.resolve("bind"))));
        for (Check check : new Linter(DirectiveTable.ols(), true).checks()) {
            Path source = MAIN.resolve(check.getClass().getName().replace('.', '/') + ".java");
            homes.add(new Home(check.getClass().getSimpleName(), check.codes(), List.of(source)));
        }
        return homes;
    }

    @Test
    void everyCodeIsDeclaredByExactlyOneHome() {
        Map<Code, List<String>> declaredBy = new LinkedHashMap<>();
        for (Code code : Code.values()) {
            declaredBy.put(code, new ArrayList<>());
        }
        homes().forEach(home -> home.codes().forEach(code -> declaredBy.get(code).add(home.name())));
        Map<String, List<String>> wrong = new TreeMap<>();
        declaredBy.forEach((code, homes) -> {
            if (homes.size() != 1) {
                wrong.put(code.id(), homes);
            }
        });
        assertEquals(Map.of(), wrong, "codes declared by no home or by more than one");
    }

    @Test
    void noSourceNamesACodeOutsideItsHome() throws IOException {
        List<Home> homes = homes();
        List<String> strays = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                if (file.endsWith("diag/Code.java")) {
                    continue;
                }
                Matcher m = CODE_REFERENCE.matcher(Files.readString(file));
                while (m.find()) {
                    Code code = Code.valueOf(m.group(1));
                    if (homes.stream().noneMatch(home -> home.codes().contains(code) && home.holds(file))) {
                        strays.add(file + " names " + code.id());
                    }
                }
            }
        }
        assertEquals(List.of(), strays, "a code named outside the home that declares it");
    }

    @Test
    void aSinkRefusesACodeItsOwnerDidNotDeclare() {
        Diagnostics sink = new Diagnostics().restrictedTo(Set.of(Code.BAD_PORT), "SomeCheck");
        sink.add(Code.BAD_PORT, Span.none(), "port", "");
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> sink.add(Code.BAD_NUMBER, Span.none(), "number", ""));
        assertEquals("SomeCheck reported WSP205, which it does not declare", refused.getMessage());
    }
}
