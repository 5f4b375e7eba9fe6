package dev.wsproxy.config.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.wsproxy.config.ast.Directive;
import dev.wsproxy.config.diag.Diagnostic;
import dev.wsproxy.config.source.Span;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mutated configs (lines cut, duplicated, shuffled; random bytes inserted; text truncated) never make the
 * parser throw, and every span it reports lies inside the text it was given. This class mutates the
 * project's own configs; {@link MutatedCorpusConfigPropertyTest} mutates the corpus's real ones.
 */
class MutatedConfigPropertyTest {
    private static final int ITERATIONS = 300;
    /** Text a mutation is likely to break in interesting ways. */
    private static final String[] SNIPPETS = {"{", "}", "}}", "\\", "\\\n", "<<<END", "\nEND\n", "#", "\n", "\r\n",
        "\uFEFF", "\t", " {\n", "\n}\n", "\u0000", "é", "<<<", "\\\\"};

    @TempDir
    Path dir;

    @Test
    void mutatedConfigsNeverThrowAndSpansStayInTheFile() throws IOException {
        List<String> samples = samples();
        assertFalse(samples.isEmpty(), "no sample configs under " + sampleFolders());
        Random random = new Random(20261125L);
        Path file = dir.resolve("mutated.conf");
        ConfigParser parser = new ConfigParser(dir);
        int withSyntaxErrors = 0;
        for (int i = 0; i < ITERATIONS; i++) {
            String text = mutate(samples.get(random.nextInt(samples.size())), random);
            ParseResult result;
            try {
                result = parser.parseText(file, text);
            } catch (RuntimeException e) {
                throw new AssertionError("iteration " + i + " threw on:\n" + text, e);
            }
            if (result.diagnostics().stream().anyMatch(d -> d.code().id().startsWith("WSP1"))) {
                withSyntaxErrors++;
            }
            String[] lines = (text.startsWith("\uFEFF") ? text.substring(1) : text).split("\n", -1);
            for (Diagnostic d : result.diagnostics()) {
                assertInside(d.span(), file, lines, "diagnostic " + d + " in iteration " + i);
            }
            for (Directive d : Directive.flatten(allDirectives(result.directives()))) {
                assertInside(d.span(), file, lines, "directive " + d.name() + " in iteration " + i);
                assertInside(d.valueSpan(), file, lines, "value of " + d.name() + " in iteration " + i);
            }
        }
        // The mutations must really break configs, or this test proves nothing.
        assertTrue(withSyntaxErrors > ITERATIONS / 10, "only " + withSyntaxErrors + " mutated configs had syntax errors");
    }

    @Test
    void randomBytesGiveDiagnosticsNeverExceptions() throws IOException {
        Random random = new Random(7L);
        Path file = dir.resolve("random.conf");
        ConfigParser parser = new ConfigParser(dir);
        for (int i = 0; i < 60; i++) {
            byte[] bytes = new byte[random.nextInt(2000)];
            random.nextBytes(bytes);
            Files.write(file, bytes);
            ParseResult result = parser.parseFile(file);
            for (Diagnostic d : result.diagnostics()) {
                assertEquals(file, d.span().file(), "diagnostic " + d + " in iteration " + i);
                assertTrue(d.span().line() >= 1 && d.span().column() >= 1, "diagnostic " + d + " in iteration " + i);
            }
        }
    }

    private static void assertInside(Span span, Path file, String[] lines, String what) {
        assertEquals(file, span.file(), what);
        assertTrue(span.line() >= 1 && span.line() <= lines.length, what + ": line " + span.line());
        int length = lines[span.line() - 1].codePointCount(0, lines[span.line() - 1].length());
        assertTrue(span.column() >= 1 && span.column() <= length + 1, what + ": column " + span.column());
    }

    private static List<Directive> allDirectives(List<Directive> directives) {
        List<Directive> all = new ArrayList<>();
        for (Directive d : directives) {
            all.add(d);
            all.addAll(allDirectives(d.children()));
        }
        return all;
    }

    private static String mutate(String sample, Random random) {
        List<String> lines = new ArrayList<>(Arrays.asList(sample.split("\n", -1)));
        switch (random.nextInt(5)) {
            case 0 -> { // cut lines
                for (int n = 1 + random.nextInt(5); n > 0 && lines.size() > 1; n--) {
                    lines.remove(random.nextInt(lines.size()));
                }
            }
            case 1 -> { // duplicate lines
                for (int n = 1 + random.nextInt(5); n > 0; n--) {
                    int at = random.nextInt(lines.size());
                    lines.add(at, lines.get(at));
                }
            }
            case 2 -> Collections.shuffle(lines, random);
            case 3 -> { // insert random bytes and syntax fragments
                StringBuilder text = new StringBuilder(String.join("\n", lines));
                for (int n = 1 + random.nextInt(10); n > 0; n--) {
                    String insert = random.nextBoolean() ? SNIPPETS[random.nextInt(SNIPPETS.length)]
                            : new String(randomBytes(random), StandardCharsets.ISO_8859_1);
                    text.insert(random.nextInt(text.length() + 1), insert);
                }
                return text.toString();
            }
            default -> {
                String text = String.join("\n", lines);
                return text.substring(0, random.nextInt(text.length() + 1));
            }
        }
        return String.join("\n", lines);
    }

    private static byte[] randomBytes(Random random) {
        byte[] bytes = new byte[1 + random.nextInt(8)];
        random.nextBytes(bytes);
        return bytes;
    }

    /** The folders whose configs are mutated: the sample tree and the grammar's examples. */
    List<Path> sampleFolders() {
        return List.of(Path.of("conf-samples"), Path.of("grammar/examples"));
    }

    /**
     * The sample configs with their include lines disabled: a mutation could turn one into
     * {@code include /}, which would read every *.conf on the machine.
     */
    private List<String> samples() throws IOException {
        List<String> samples = new ArrayList<>();
        for (Path folder : sampleFolders()) {
            try (Stream<Path> walk = Files.walk(folder)) {
                for (Path file : walk.filter(Files::isRegularFile).filter(p -> p.toString().contains(".conf")).sorted().toList()) {
                    samples.add(Files.readString(file, StandardCharsets.ISO_8859_1).replaceAll("(?im)^(\\s*)include", "$1disabled-include"));
                }
            }
        }
        if (samples.isEmpty()) {
            fail("no samples");
        }
        return samples;
    }
}
