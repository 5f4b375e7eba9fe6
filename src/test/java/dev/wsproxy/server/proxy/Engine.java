package dev.wsproxy.server.proxy;

import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/** The two engines a tunnel's relay runs on: wsproxy's epoll loops, and XNIO (TLS clients, closed JDK internals). */
enum Engine {
    LOOP(TunnelSettings.DEFAULT), XNIO(TunnelSettings.DEFAULT.onXnio());

    final TunnelSettings settings;

    Engine(TunnelSettings settings) {
        this.settings = settings;
    }

    /** Every engine with every backend transport, as arguments of a parameterized test. */
    static Stream<Arguments> withEveryBackend() {
        return Arrays.stream(values()).flatMap(engine -> Arrays.stream(Backends.values())
                .map(backend -> Arguments.of(engine, backend)));
    }
}
