package dev.wsproxy.config.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.wsproxy.config.model.BackendAddress;
import dev.wsproxy.config.model.ListenAddress;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Listener and backend addresses in every form OLS accepts, and every websocket form docs/compatibility.md lists. */
class AddressParsingTest {

    @ParameterizedTest(name = "listener {0}")
    @CsvSource({
            "'*:8088', 0.0.0.0, 8088",
            "ANY:80, 0.0.0.0, 80",
            "ALL:80, 0.0.0.0, 80",
            "127.0.0.1:80, 127.0.0.1, 80",
            "'[::]:80', 0:0:0:0:0:0:0:0, 80",
            "'[ANY]:443', ::, 443",
            "'[*]:443', ::, 443",
            "'[::FFFF:1.2.3.4]:80', 1.2.3.4, 80",
            "'[::1]:8089', 0:0:0:0:0:0:0:1, 8089",
            "localhost:80, 127.0.0.1, 80"})
    void listenerAddresses(String text, String host, int port) {
        assertEquals(new ListenAddress(text, host, port), ListenAddresses.parse(text).get().orElseThrow());
    }

    @ParameterizedTest(name = "listener {0} is {1}")
    @CsvSource({
            "example.com:80, ADDRESS",
            "'*', ADDRESS",
            "127.0.0.1, ADDRESS",
            "'*:0', PORT",
            "'*:65536', PORT",
            "'*:http', PORT",
            "'[zz]:80', ADDRESS",
            "300.1.1.1:80, ADDRESS"})
    void badListenerAddresses(String text, Expected expected) {
        assertEquals(expected, ((Parsed.Bad<ListenAddress>) ListenAddresses.parse(text)).expected());
    }

    @ParameterizedTest(name = "websocket {0}")
    @CsvSource({
            "127.0.0.1:9001, 127.0.0.1, 9001",
            "'[::1]:9002', 0:0:0:0:0:0:0:1, 9002",
            "localhost:9003, localhost, 9003",
            "backend.internal:8080, backend.internal, 8080"})
    void tcpBackends(String text, String host, int port) {
        assertEquals(new BackendAddress.Tcp(text, host, port), BackendAddresses.websocket(text).get().orElseThrow());
    }

    @ParameterizedTest(name = "websocket {0}")
    @CsvSource({
            "/run/app.sock, /run/app.sock",
            "uds://tmp/ws.sock, /tmp/ws.sock",
            "UDS://tmp/ws.sock, /tmp/ws.sock",
            "uds:///tmp/ws.sock, /tmp/ws.sock",
            "unix:/var/run/ws.sock, /var/run/ws.sock"})
    void unixBackends(String text, String path) {
        BackendAddress parsed = BackendAddresses.websocket(text).get().orElseThrow();
        assertEquals(Path.of(path), assertInstanceOf(BackendAddress.Unix.class, parsed).path());
    }

    @ParameterizedTest(name = "websocket {0} is {1}")
    @CsvSource({
            "127.0.0.1, ADDRESS",
            "ws://127.0.0.1:9001, ADDRESS",
            "'*:9001', ADDRESS",
            "::1:9001, ADDRESS",
            "unix:relative.sock, ADDRESS",
            "127.0.0.1:99999, PORT"})
    void badBackends(String text, Expected expected) {
        assertEquals(expected, ((Parsed.Bad<BackendAddress>) BackendAddresses.websocket(text)).expected());
    }

    @ParameterizedTest(name = "extprocessor {0}")
    @CsvSource({
            "http://127.0.0.1, 127.0.0.1, 80",
            "https://app.internal/, app.internal, 443",
            "http://127.0.0.1:3000, 127.0.0.1, 3000",
            "127.0.0.1:5000, 127.0.0.1, 5000",
            "localhost, localhost, 80",
            "app.internal, app.internal, 80"})
    void proxyAddresses(String text, String host, int port) {
        assertEquals(new BackendAddress.Tcp(text, host, port), BackendAddresses.proxy(text).get().orElseThrow());
    }
}
