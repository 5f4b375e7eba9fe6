package dev.wsproxy.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A checked-in expected text; {@code -Dgolden.update=true} rewrites it instead of comparing. */
public final class Golden {
    private Golden() {
    }

    public static void check(Path expectedFile, String actual) throws IOException {
        if (Boolean.getBoolean("golden.update") || !Files.exists(expectedFile)) {
            Files.createDirectories(expectedFile.getParent());
            Files.writeString(expectedFile, actual);
            if (!Boolean.getBoolean("golden.update")) {
                throw new AssertionError("golden " + expectedFile + " was missing and has been written; review it");
            }
            return;
        }
        assertEquals(Files.readString(expectedFile), actual, "differs from " + expectedFile
                + " (rerun with -Dgolden.update=true and review the diff if the change is intended)");
    }
}
