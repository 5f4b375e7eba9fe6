package dev.wsproxy.tls;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * OpenSSL's own client ({@code openssl s_client}), which says whether a session was resumed: it sends one HTTP/1.0
 * request, reads until the server closes (so that TLS 1.3 tickets, sent after the handshake, arrive), and can save
 * the session for the next connection to offer.
 */
public final class OpenSslClient {
    private OpenSslClient() {
    }

    /** What one connection showed. */
    public record Connection(String output) {
        /** Whether the server resumed the offered session ("Reused") instead of a full handshake ("New"). */
        public boolean resumed() {
            return output.contains("\nReused, ");
        }

        public boolean established() {
            return output.contains("\nNew, ") || resumed();
        }
    }

    /**
     * @param version  {@code -tls1_3} or {@code -tls1_2}
     * @param session  the file the session is read from when it exists, and written to
     * @param options  more s_client options, e.g. {@code -no_ticket}
     */
    public static Connection connect(int port, String version, Path session, String... options) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("openssl", "s_client", "-connect", "127.0.0.1:" + port,
                "-servername", "localhost", version, "-ign_eof", "-sess_out", session.toString()));
        if (session.toFile().isFile()) {
            command.addAll(List.of("-sess_in", session.toString()));
        }
        command.addAll(List.of(options));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            process.getOutputStream().write("GET / HTTP/1.0\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            process.getOutputStream().close();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                throw new IOException("openssl s_client did not finish");
            }
            return new Connection(new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        } finally {
            process.destroyForcibly();
        }
    }
}
