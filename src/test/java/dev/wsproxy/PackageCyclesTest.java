package dev.wsproxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * No two packages of wsproxy depend on each other, directly or through others: jdeps reads the package
 * dependencies of the compiled classes, and every strongly connected set of two or more packages is a cycle.
 */
class PackageCyclesTest {

    private static final Path CLASSES = Path.of("target/classes");
    private static final Pattern EDGE = Pattern.compile("^\\s+(dev\\.wsproxy[\\w.]*)\\s+->\\s+(dev\\.wsproxy[\\w.]*)\\s");

    /**
     * Cycles of other parts, being removed by their owners: the lint front end (its checks and the linter that
     * lists them) and the Unix-socket backends. An entry here that is gone must be deleted.
     */
    private static final Set<Set<String>> KNOWN = Set.of(
            Set.of("dev.wsproxy.config.lint", "dev.wsproxy.config.lint.check", "dev.wsproxy.config.lint.tls"),
            Set.of("dev.wsproxy.server.proxy", "dev.wsproxy.server.proxy.unix"));

    @Test
    void noPackageCycles() {
        Set<Set<String>> cycles = cycles(dependencies());
        Set<Set<String>> unknown = new HashSet<>(cycles);
        unknown.removeAll(KNOWN);
        assertEquals(Set.of(), unknown, "package cycles (each set depends on itself through its members)");
        Set<Set<String>> gone = new HashSet<>(KNOWN);
        gone.removeAll(cycles);
        assertEquals(Set.of(), gone, "these cycles are gone: delete them from KNOWN");
    }

    @Test
    void findsACycleThroughThreePackages() {
        Map<String, Set<String>> graph = Map.of("a", Set.of("b"), "b", Set.of("c"), "c", Set.of("a"), "d", Set.of("a"));
        assertEquals(Set.of(Set.of("a", "b", "c")), cycles(graph));
    }

    private static Map<String, Set<String>> dependencies() {
        assertTrue(Files.isDirectory(CLASSES), "compile first: " + CLASSES.toAbsolutePath());
        ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = jdeps.run(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                "-verbose:package", "-e", "dev\\.wsproxy\\..*", CLASSES.toString());
        assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
        Map<String, Set<String>> graph = new TreeMap<>();
        for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
            Matcher edge = EDGE.matcher(line);
            if (edge.find() && !edge.group(1).equals(edge.group(2))) {
                graph.computeIfAbsent(edge.group(1), p -> new TreeSet<>()).add(edge.group(2));
            }
        }
        assertTrue(graph.containsKey("dev.wsproxy.cli"), "jdeps printed no dependencies of dev.wsproxy.cli:\n" + out);
        return graph;
    }

    /** The strongly connected sets of two or more packages (Tarjan's algorithm). */
    static Set<Set<String>> cycles(Map<String, Set<String>> graph) {
        return new Tarjan(graph).components();
    }

    /** Tarjan's strongly connected components over a package graph. */
    private static final class Tarjan {
        private final Map<String, Set<String>> graph;
        private final Map<String, Integer> index = new HashMap<>();
        private final Map<String, Integer> low = new HashMap<>();
        private final Deque<String> stack = new ArrayDeque<>();
        private final Set<Set<String>> found = new HashSet<>();

        Tarjan(Map<String, Set<String>> graph) {
            this.graph = graph;
        }

        Set<Set<String>> components() {
            new ArrayList<>(graph.keySet()).forEach(p -> {
                if (!index.containsKey(p)) {
                    visit(p);
                }
            });
            return found;
        }

        private void visit(String p) {
            index.put(p, index.size());
            low.put(p, index.get(p));
            stack.push(p);
            for (String q : graph.getOrDefault(p, Set.of())) {
                if (!index.containsKey(q)) {
                    visit(q);
                    low.put(p, Math.min(low.get(p), low.get(q)));
                } else if (stack.contains(q)) {
                    low.put(p, Math.min(low.get(p), index.get(q)));
                }
            }
            if (low.get(p).equals(index.get(p))) {
                Set<String> component = new TreeSet<>();
                String q;
                do {
                    q = stack.pop();
                    component.add(q);
                } while (!q.equals(p));
                if (component.size() > 1) {
                    found.add(component);
                }
            }
        }
    }
}
