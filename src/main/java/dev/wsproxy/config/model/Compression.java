package dev.wsproxy.config.model;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The server's compression settings from {@code tuning}, with OLS's defaults where unset: gzip on
 * ({@code enableGzipCompress}), for proxied responses too with {@code enableDynGzipCompress} at
 * {@code gzipCompressLevel}; static files compressed once at {@code gzipStaticCompressLevel} when
 * {@code gzipAutoUpdateStatic} is on and their size is from {@code gzipMinFileSize} to {@code gzipMaxFileSize},
 * kept in memory or in {@code gzipCacheDir}; only the {@code compressibleTypes}.
 */
public record Compression(boolean gzip, boolean dynamicGzip, int dynamicLevel, boolean autoUpdateStatic,
                          int staticLevel, long minFileSize, long maxFileSize, CompressibleTypes types,
                          Optional<Path> cacheDir) {

    public static final Compression OLS_DEFAULT = new Compression(true, false, 4, false, 6, 300, 1024 * 1024,
            CompressibleTypes.DEFAULT, Optional.empty());

    /** These settings for a vhost: with {@code enableGzip 0} it compresses nothing. */
    public Compression forVhost(boolean vhostGzip) {
        return vhostGzip ? this : new Compression(false, dynamicGzip, dynamicLevel, autoUpdateStatic, staticLevel,
                minFileSize, maxFileSize, types, cacheDir);
    }

    /** Whether a static file of this size is compressed. */
    public boolean staticSizeFits(long size) {
        return size >= minFileSize && size <= maxFileSize;
    }
}
