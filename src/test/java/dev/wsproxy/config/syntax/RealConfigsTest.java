package dev.wsproxy.config.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.wsproxy.config.Corpus;
import dev.wsproxy.config.ast.Directive;
import dev.wsproxy.config.diag.Diagnostic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every config shipped with OLS and every real-world config of the corpus ({@link Corpus}) parses without a
 * syntax error, since OLS reads them all; new files there are covered without editing this test.
 */
@Tag("corpus")
class RealConfigsTest {
    static Stream<Path> configs() throws IOException {
        return Stream.of("ols-samples", "ols-realworld").flatMap(RealConfigsTest::configFiles);
    }

    private static Stream<Path> configFiles(String folder) {
        try (Stream<Path> walk = Files.walk(Corpus.folder(folder))) {
            return walk.filter(Files::isRegularFile).filter(RealConfigsTest::isConfig).sorted().toList().stream();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Config files by their names; README, INDEX, mime tables and password files are not configs. */
    private static boolean isConfig(Path file) {
        String name = file.getFileName().toString();
        return name.contains(".conf") && !name.endsWith(".txt");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("configs")
    void parsesWithoutSyntaxErrors(Path file) {
        ParseResult result = new ConfigParser(file.getParent()).parseFile(file);
        List<Diagnostic> syntaxErrors = result.diagnostics().stream()
                .filter(d -> d.isError() && d.code().id().startsWith("WSP1")).toList();
        assertEquals("", AstDump.diagnostics(syntaxErrors, file.getParent()), "syntax errors in " + file);
        assertFalse(result.directives().isEmpty(), "no directives read from " + file);
    }

    /** The authors' mistakes listed in ols-realworld/README.md are plain lines to OLS, so they are entries here. */
    @ParameterizedTest(name = "{0}:{1}")
    @CsvSource(delimiter = '|', value = {
        "silentvw__cPanel-OLS/httpd_config.conf | 188 | BREAK | THIS FILE | ",
        "4iTeam__da_lsws/conf/vhost.conf | 59 | .htaccess2 | | context/rewrite",
        "tujuhion__autoinstall/conf/vhconf.conf | 39 | /home/defdomain/html/.htaccess | | rewrite",
    })
    void readmeMistakesAreEntriesWhereOlsPutsThem(String file, int line, String name, String value, String parents) {
        Path path = Corpus.folder("ols-realworld").resolve(file);
        ParseResult result = new ConfigParser(path.getParent()).parseFile(path);
        String found = find(result.directives(), line, "");
        assertEquals((parents == null ? "" : parents + "/") + name + "=" + (value == null ? "" : value), found);
    }

    /** "parent/child/name=value" of the entry whose name is on {@code line}, or null. */
    private static String find(List<Directive> directives, int line, String path) {
        for (Directive d : directives) {
            if (d.kind() == Directive.Kind.ENTRY && d.span().line() == line) {
                return path + d.name() + "=" + d.value();
            }
            String inside = find(d.children(), line, d.isBlock() ? path + d.name() + "/" : path);
            if (inside != null) {
                return inside;
            }
        }
        return null;
    }
}
