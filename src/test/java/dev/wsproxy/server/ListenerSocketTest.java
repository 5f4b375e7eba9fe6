package dev.wsproxy.server;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wsproxy.config.model.Tuning;
import dev.wsproxy.server.log.ErrorLog;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A listener closed for a drain or a reload serves the connections already waiting in its accept queue. */
class ListenerSocketTest {

    @Test
    void closingServesWhatTheKernelQueuedInsteadOfResettingIt() throws Exception {
        Connectors connectors = new Connectors(Tuning.OLS_DEFAULT, ErrorLog.onStderr(System.err));
        try {
            ListenerSocket listener = connectors.bind(new InetSocketAddress("127.0.0.1", 0), true, null, false,
                    exchange -> exchange.getResponseSender().send("queued"));
            // not accepting yet: the kernel completes each handshake and keeps the connection in the queue
            List<Socket> clients = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                Socket client = new Socket("127.0.0.1", listener.address().getPort());
                client.setSoTimeout(10_000);
                client.getOutputStream().write("GET / HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n"
                        .getBytes(StandardCharsets.US_ASCII));
                clients.add(client);
            }

            listener.close();

            for (Socket client : clients) {
                try (client) {
                    String reply = new String(client.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
                    assertTrue(reply.startsWith("HTTP/1.1 200") && reply.endsWith("queued"), reply);
                }
            }
            Thread.sleep(100);
            try (Socket late = new Socket("127.0.0.1", listener.address().getPort())) {
                throw new AssertionError("a closed listener accepted " + late);
            } catch (ConnectException expected) {
                // closed: new connections go to the other sockets of the port, or are refused
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        } finally {
            connectors.closeAll();
        }
    }
}
