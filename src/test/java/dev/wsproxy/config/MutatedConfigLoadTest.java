package dev.wsproxy.config;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
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
 * The whole front end (parse, bind, lint) on mutated copies of the sample tree: lines cut, duplicated,
 * shuffled, values swapped for hostile ones. It always returns diagnostics and a model, never throws.
 */
class MutatedConfigLoadTest {
    private static final int ITERATIONS = 100;
    private static final String[] HOSTILE_VALUES = {"", "exp:(", "exp:^/(?P<x>a)", "uds:///x.sock", "[::1", "*:0",
        "99999999999999999999", "-1", "$VH_ROOT", "$DOC_ROOT$0", "%X%", "a b c", "{", "}", "unix:", "[ANY]:70000",
        "ALL, 10.0.0.0/99, ::1/200", "set", "A", "image/*=", "/", "exp:", "..", "/etc/passwd"};

    @TempDir
    Path tmp;

    @Test
    void mutatedSampleTreesNeverThrow() throws IOException {
        Path source = Path.of("conf-samples");
        Random random = new Random(1125L);
        List<Path> configs = List.of(Path.of("conf/httpd_config.conf"), Path.of("conf/vhosts/chat/vhconf.conf"),
                Path.of("conf/templates/site.conf"));
        int withErrors = 0;
        // Loading only reads the tree, so one copy serves every iteration: each mutates one file and puts it back.
        Path root = tmp.resolve("tree");
        copy(source, root);
        for (int i = 0; i < ITERATIONS; i++) {
            Path victim = root.resolve(configs.get(random.nextInt(configs.size())));
            String original = Files.readString(victim);
            String text = mutate(original, random);
            Files.writeString(victim, text);
            LoadResult result;
            try {
                result = ConfigLoader.load(root.resolve("conf/httpd_config.conf"), LoadOptions.defaults());
            } catch (RuntimeException e) {
                throw new AssertionError("iteration " + i + " threw on " + victim + ":\n" + text, e);
            } finally {
                Files.writeString(victim, original);
            }
            assertTrue(result.config().isPresent(), "iteration " + i + ": no model");
            withErrors += result.hasErrors() ? 1 : 0;
        }
        assertTrue(withErrors > ITERATIONS / 10, "only " + withErrors + " mutated trees had errors: the mutations"
                + " are too gentle to prove anything");
    }

    private static String mutate(String text, Random random) {
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
        for (int n = 1 + random.nextInt(3); n > 0; n--) {
            int at = random.nextInt(lines.size());
            switch (random.nextInt(4)) {
                case 0 -> lines.remove(at);
                case 1 -> lines.add(at, lines.get(random.nextInt(lines.size())));
                case 2 -> Collections.swap(lines, at, random.nextInt(lines.size()));
                default -> {
                    String line = lines.get(at).trim();
                    int blank = line.indexOf(' ');
                    String key = blank < 0 ? line : line.substring(0, blank);
                    lines.set(at, key + " " + HOSTILE_VALUES[random.nextInt(HOSTILE_VALUES.length)]);
                }
            }
            if (lines.isEmpty()) {
                lines.add("");
            }
        }
        return String.join("\n", lines);
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
