package dev.wsproxy.server.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every use of the JDK's internals, and every call into XNIO's package, is in {@code server/platform}: the one place
 * that knows what happens when a JVM keeps them closed.
 */
class PlatformConfinementTest {

    private static final Path SOURCES = Path.of("src", "main", "java");
    private static final Path PLATFORM = SOURCES.resolve(Path.of("dev", "wsproxy", "server", "platform"));
    /** XNIO's package, where the one shim the platform package calls lives. */
    private static final Path XNIO_PACKAGE = SOURCES.resolve(Path.of("org", "xnio", "nio"));
    private static final Pattern INTERNAL_USE = Pattern.compile(
            "sun\\.nio\\.ch|sun\\.misc|org\\.xnio\\.nio|setAccessible\\(|privateLookupIn\\(|jdk\\.internal");

    @Test
    void onlyThePlatformPackageReachesIntoJdkInternalsOrXniosPackage() throws IOException {
        List<Path> outside;
        try (Stream<Path> files = Files.walk(SOURCES)) {
            outside = files.filter(file -> file.toString().endsWith(".java"))
                    .filter(file -> !file.startsWith(PLATFORM) && !file.startsWith(XNIO_PACKAGE))
                    .filter(PlatformConfinementTest::usesInternals)
                    .toList();
        }
        assertEquals(List.of(), outside);
    }

    /** Whether code (not a comment) of {@code file} names an internal package or opens a member up. */
    private static boolean usesInternals(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                    .map(String::strip)
                    .filter(line -> !line.startsWith("*") && !line.startsWith("/*") && !line.startsWith("//"))
                    .map(line -> line.replaceAll("\"[^\"]*\"", "\"\""))
                    .anyMatch(line -> INTERNAL_USE.matcher(line).find());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
