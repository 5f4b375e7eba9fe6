package dev.wsproxy.config.value;

import dev.wsproxy.config.ast.Block;
import dev.wsproxy.config.ast.Directive;
import dev.wsproxy.config.model.ExtProcessor;
import dev.wsproxy.config.model.PoolSettings;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Reads the {@code extprocessor} blocks of one level (server or vhost) that have a usable address. */
public final class ExtProcessors {
    /** OLS's range of {@code maxConns}. */
    public static final int MIN_CONNS = 1;
    public static final int MAX_CONNS = 10_000;
    /** {@code pcKeepAliveTimeout -1}: idle connections are never closed. */
    public static final int NEVER = -1;

    private ExtProcessors() {
    }

    public static Map<String, ExtProcessor> read(Block level, PathResolver paths) {
        Map<String, ExtProcessor> byName = new LinkedHashMap<>();
        for (Directive d : level.all("extprocessor")) {
            Block body = Block.of(d);
            String name = Block.nameOf(d, "name").map(paths::expandNames).orElse("");
            String type = body.value("type").orElse("").toLowerCase(Locale.ROOT);
            PoolSettings pool = pool(body);
            body.value("address").map(paths::expandNames).flatMap(a -> BackendAddresses.proxy(a).get())
                    .filter(a -> !name.isEmpty())
                    .ifPresent(address -> byName.putIfAbsent(name, new ExtProcessor(name, type, address, pool, d.span())));
        }
        return byName;
    }

    /** The pool keys; a value that is not a number in range keeps OLS's default, as OLS does (lint reports it). */
    private static PoolSettings pool(Block body) {
        PoolSettings defaults = PoolSettings.DEFAULT;
        int maxConns = between(body, "maxConns", MIN_CONNS, MAX_CONNS).map(Long::intValue).orElse(defaults.maxConns());
        boolean persist = body.value("persistConn").flatMap(v -> Numbers.bool(v).get()).orElse(defaults.persistConn());
        Optional<Duration> idle = between(body, "pcKeepAliveTimeout", NEVER, Integer.MAX_VALUE)
                .filter(seconds -> seconds != NEVER).map(Duration::ofSeconds).or(defaults::idleTimeout);
        return new PoolSettings(maxConns, persist, idle);
    }

    private static Optional<Long> between(Block body, String key, long min, long max) {
        return body.value(key).flatMap(v -> Numbers.number(v, min, max).get());
    }
}
