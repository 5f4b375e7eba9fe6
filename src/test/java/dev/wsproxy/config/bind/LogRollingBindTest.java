package dev.wsproxy.config.bind;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.wsproxy.config.ConfigLoader;
import dev.wsproxy.config.LoadOptions;
import dev.wsproxy.config.model.LogRolling;
import dev.wsproxy.config.model.ServerConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rollingSize}, {@code keepDays} and {@code compressArchive} read with OLS's defaults and limits. */
class LogRollingBindTest {
    @TempDir
    Path root;

    private ServerConfig load(String config) throws IOException {
        Path file = Files.createDirectories(root.resolve("conf")).resolve("httpd_config.conf");
        Files.writeString(file, config);
        return ConfigLoader.load(file, LoadOptions.defaults()).config().orElseThrow();
    }

    @Test
    void theErrorLogRollsAt10MAndKeeps30DaysUnlessItsBlockSaysOtherwise() throws IOException {
        assertEquals(new LogRolling(10 << 20, 30, false), load("errorlog logs/error.log\n").errorLog().rolling());
        assertEquals(new LogRolling(2 << 10, 3, true), load("""
                errorlog logs/error.log {
                  rollingSize 2K
                  keepDays 3
                  compressArchive 1
                }
                """).errorLog().rolling());
        assertEquals(LogRolling.NEVER.rollingSize(), load("errorlog logs/error.log {\n  rollingSize 0\n}\n").errorLog()
                .rolling().rollingSize());
    }

    @Test
    void anAccessLogRollsOnlyWithRollingSizeAndAtLeastAt1M() throws IOException {
        assertEquals(LogRolling.NEVER, load("accesslog logs/access.log {\n  keepDays 0\n}\n").accessLog().rolling());
        assertEquals(new LogRolling(1 << 20, 0, false), load("accesslog logs/access.log {\n  rollingSize 10K\n}\n")
                .accessLog().rolling());
        assertEquals(new LogRolling(100 << 20, 7, true), load("""
                accesslog logs/access.log {
                  rollingSize 100M
                  keepDays 7
                  compressArchive 1
                }
                """).accessLog().rolling());
    }
}
