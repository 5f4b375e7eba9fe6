package dev.wsproxy.config.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.wsproxy.config.ConfigLoader;
import dev.wsproxy.config.LoadOptions;
import dev.wsproxy.config.LoadResult;
import dev.wsproxy.config.diag.Severity;
import dev.wsproxy.config.model.Listener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which pairs of listeners can bind side by side, whatever the spelling of their addresses (WSP321, WSP351). */
class ListenerPortSharingTest {

    @TempDir
    Path root;

    @Test
    void theIpv6WildcardSpelledTwoWaysIsOneAddress() throws IOException {
        assertEquals(List.of("WSP321 listener `b` repeats the name or address of listener `a`"),
                problems(lint(listener("a", "[::]:8088", "") + listener("b", "[ANY]:8088", ""))));
    }

    @Test
    void anIpv6AddressInsideTheIpv6WildcardNeedsReusePortOnBoth() throws IOException {
        assertEquals(List.of("WSP351 listener `b` ([::1]:8088) cannot bind beside listener `a` ([::]:8088):"
                        + " that one has reusePort 0"),
                problems(lint(listener("a", "[::]:8088", "  reusePort 0\n") + listener("b", "[::1]:8088", ""))));
        assertEquals(List.of(), problems(lint(listener("a", "[::]:8088", "") + listener("b", "[::1]:8088", ""))));
    }

    @Test
    void differentPortsOrAddressesNeverClash() throws IOException {
        assertEquals(List.of(), problems(lint(listener("a", "127.0.0.1:8088", "  reusePort 0\n")
                + listener("b", "127.0.0.1:8089", "  reusePort 0\n")
                + listener("c", "127.0.0.2:8088", "  reusePort 0\n"))));
    }

    @Test
    void reusePortIsOnUnlessSetToZero() throws IOException {
        List<Listener> listeners = lint(listener("a", "*:8088", "") + listener("b", "*:8089", "  reusePort 0\n"))
                .config().orElseThrow().listeners();
        assertEquals(List.of(true, false), listeners.stream().map(Listener::reusePort).toList());
    }

    private LoadResult lint(String listeners) throws IOException {
        Files.createDirectories(root.resolve("conf"));
        Files.createDirectories(root.resolve("a/html"));
        Files.writeString(root.resolve("conf/mime.properties"), "html = text/html\n");
        Path file = root.resolve("conf/httpd_config.conf");
        Files.writeString(file, "mime conf/mime.properties\n"
                + "virtualhost v {\n  vhRoot a/\n  docRoot $VH_ROOT/html/\n}\n" + listeners);
        return ConfigLoader.load(file, LoadOptions.defaults());
    }

    private static String listener(String name, String address, String extraLines) {
        return "listener " + name + " {\n  address " + address + "\n" + extraLines + "  map v *\n}\n";
    }

    private static List<String> problems(LoadResult result) {
        return result.diagnostics().stream().filter(d -> d.severity() != Severity.INFO)
                .map(d -> d.code().id() + " " + d.summary()).toList();
    }
}
