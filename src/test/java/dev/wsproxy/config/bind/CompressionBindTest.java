package dev.wsproxy.config.bind;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wsproxy.config.ConfigLoader;
import dev.wsproxy.config.LoadOptions;
import dev.wsproxy.config.LoadResult;
import dev.wsproxy.config.model.CompressibleTypes;
import dev.wsproxy.config.model.Compression;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gzip keys of {@code tuning} read with OLS's defaults and ranges, and what lint says of bad ones. */
class CompressionBindTest {
    @TempDir
    Path root;

    private LoadResult load(String tuning) throws IOException {
        Path file = Files.createDirectories(root.resolve("conf")).resolve("httpd_config.conf");
        Files.writeString(file, "tuning {\n" + tuning + "\n}\n");
        return ConfigLoader.load(file, LoadOptions.defaults());
    }

    @Test
    void unsetKeysAreOlsDefaults() throws IOException {
        assertEquals(Compression.OLS_DEFAULT, load("").config().orElseThrow().compression());
    }

    @Test
    void olsShippedSettingsAreRead() throws IOException {
        Compression read = load("""
                  enableGzipCompress 1
                  enableDynGzipCompress 1
                  gzipCompressLevel 6
                  gzipAutoUpdateStatic 1
                  gzipStaticCompressLevel 9
                  gzipMinFileSize 300
                  gzipMaxFileSize 10M
                  compressibleTypes text/*, application/javascript, !text/css
                  gzipCacheDir tmp/gz
                """).config().orElseThrow().compression();
        assertEquals(new Compression(true, true, 6, true, 9, 300, 10 << 20,
                new CompressibleTypes(List.of("text/*", "application/javascript", "!text/css")),
                Optional.of(root.resolve("tmp/gz"))), read);
        assertTrue(read.types().covers("text/html; charset=UTF-8"));
        assertFalse(read.types().covers("text/css"));
        assertFalse(read.types().covers("image/png"));
    }

    @Test
    void valuesOutOfOlsRangeKeepTheDefaultAndAreReported() throws IOException {
        LoadResult result = load("  gzipCompressLevel 0\n  gzipStaticCompressLevel 10\n  gzipMinFileSize 100");
        Compression read = result.config().orElseThrow().compression();
        assertEquals(4, read.dynamicLevel());
        assertEquals(6, read.staticLevel());
        assertEquals(300, read.minFileSize());
        assertEquals(List.of(2, 3, 4), result.diagnostics().stream()
                .filter(d -> d.summary().contains("out of range")).map(d -> d.span().line()).toList(),
                result.diagnostics().toString());
    }
}
