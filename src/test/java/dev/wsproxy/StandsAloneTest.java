package dev.wsproxy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A user's clone has nothing beside it: no document, source or benchmark of the project points at a folder outside
 * the repository (CI's script alone names where CI keeps the config corpora).
 */
class StandsAloneTest {
    private static final String SHARED_FOLDER = Path.of("..", "shared").toString();

    @Test
    void noProjectFilePointsOutsideTheRepository() throws IOException {
        List<Path> pointing;
        try (Stream<Path> files = Stream.of("README.md", "docs", "src", "bench", "bin", "conf-samples", "grammar", "pom.xml")
                .map(Path::of).flatMap(StandsAloneTest::walk)) {
            pointing = files.filter(Files::isRegularFile).filter(StandsAloneTest::mentionsSharedFolder).toList();
        }
        assertEquals(List.of(), pointing);
    }

    private static Stream<Path> walk(Path top) {
        try {
            return Files.walk(top);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean mentionsSharedFolder(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).contains(SHARED_FOLDER);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
