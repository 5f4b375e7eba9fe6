package dev.wsproxy.config.value;

import java.util.Optional;
import java.util.function.Function;

/** The result of reading one config value: the typed value, or what is wrong with the text and where. */
public sealed interface Parsed<T> {

    /** A value that was read. */
    record Ok<T>(T value) implements Parsed<T> {
    }

    /**
     * A value that could not be read.
     *
     * @param expected what the value should have been
     * @param offset   where in the value text the problem starts (0-based), so lint can point at the column
     */
    record Bad<T>(Expected expected, String summary, String detail, int offset) implements Parsed<T> {
    }

    static <T> Parsed<T> ok(T value) {
        return new Ok<>(value);
    }

    static <T> Parsed<T> bad(Expected expected, String summary, String detail) {
        return new Bad<>(expected, summary, detail, 0);
    }

    static <T> Parsed<T> bad(Expected expected, String summary, String detail, int offset) {
        return new Bad<>(expected, summary, detail, offset);
    }

    /** The value converted by {@code f}, or the same problem. */
    default <R> Parsed<R> map(Function<T, R> f) {
        if (this instanceof Ok<T> ok) {
            return new Ok<>(f.apply(ok.value()));
        }
        Bad<T> bad = (Bad<T>) this;
        return new Bad<>(bad.expected(), bad.summary(), bad.detail(), bad.offset());
    }

    /** The value, or empty when it could not be read. */
    default Optional<T> get() {
        return this instanceof Ok<T> ok ? Optional.of(ok.value()) : Optional.empty();
    }
}
