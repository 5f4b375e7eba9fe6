package dev.wsproxy.config.bind;

import dev.wsproxy.config.ast.Block;
import dev.wsproxy.config.model.CompressibleTypes;
import dev.wsproxy.config.model.Compression;
import dev.wsproxy.config.value.PathResolver;

/**
 * Reads the compression keys of {@code tuning} as OLS does: a value out of OLS's range (levels 1-9, sizes
 * from 200 bytes) leaves OLS's default, as OLS falls back on it; lint reports the value.
 */
final class CompressionSettings {

    private static final long MIN_FILE_SIZE = 200;

    private CompressionSettings() {
    }

    static Compression read(Block tuning, PathResolver paths) {
        Compression d = Compression.OLS_DEFAULT;
        return new Compression(Settings.bool(tuning, "enableGzipCompress").orElse(d.gzip()),
                Settings.bool(tuning, "enableDynGzipCompress").orElse(d.dynamicGzip()),
                (int) inRange(tuning, "gzipCompressLevel", 1, 9, d.dynamicLevel()),
                Settings.bool(tuning, "gzipAutoUpdateStatic").orElse(d.autoUpdateStatic()),
                (int) inRange(tuning, "gzipStaticCompressLevel", 1, 9, d.staticLevel()),
                inRange(tuning, "gzipMinFileSize", MIN_FILE_SIZE, Long.MAX_VALUE, d.minFileSize()),
                inRange(tuning, "gzipMaxFileSize", MIN_FILE_SIZE, Long.MAX_VALUE, d.maxFileSize()),
                tuning.value("compressibleTypes").map(CompressibleTypes::parse).orElse(d.types()),
                tuning.value("gzipCacheDir").filter(v -> !v.isBlank()).map(v -> paths.resolve(v.trim())));
    }

    private static long inRange(Block block, String key, long min, long max, long fallback) {
        return Settings.number(block, key).filter(n -> n >= min && n <= max).orElse(fallback);
    }
}
