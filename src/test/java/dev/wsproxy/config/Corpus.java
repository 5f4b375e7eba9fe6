package dev.wsproxy.config;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The config corpora the {@code corpus} tests read: OLS's shipped configs ({@code ols-samples/}) and real
 * configs from public repositories ({@code ols-realworld/}). They are not part of the repository; the Maven
 * profile {@code corpus} runs the tests tagged {@code corpus} and passes on their folder, {@code -Dcorpus.dir=DIR};
 * a test without it is skipped.
 */
public final class Corpus {
    private Corpus() {
    }

    /** One corpus folder, or a skipped test when the corpora are not there. */
    public static Path folder(String name) {
        String dir = System.getProperty("corpus.dir", "");
        Path folder = Path.of(dir).toAbsolutePath().normalize().resolve(name);
        assumeTrue(!dir.isBlank() && Files.isDirectory(folder),
                () -> "no corpus at " + folder + ": run with -Pcorpus -Dcorpus.dir=DIR");
        return folder;
    }
}
