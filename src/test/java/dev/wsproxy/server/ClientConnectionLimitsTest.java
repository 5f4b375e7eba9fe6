package dev.wsproxy.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wsproxy.config.model.AccessControl;
import dev.wsproxy.config.model.ClientLimits;
import dev.wsproxy.config.model.ServerConfig;
import dev.wsproxy.config.model.Tuning;
import dev.wsproxy.config.value.AclLists;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code perClientConnLimit} as OLS applies it, per client address: the clients here connect from 127.0.0.2 and
 * 127.0.0.3, so that the health checks, from 127.0.0.1, are never limited. A refused connection is reset before
 * a byte is read; a banned client's open connections are closed; the ban ends after {@code banPeriod}.
 */
class ClientConnectionLimitsTest extends HostileSiteTest {

    private static final Tuning TUNING = new Tuning(8192, 16380, 30, 30, 1000);
    private final List<Socket> clients = new ArrayList<>();

    @AfterEach
    void closeClients() throws IOException {
        for (Socket client : clients) {
            client.close();
        }
    }

    @Test
    void reachingTheHardLimitBansTheClientForTheBanPeriod() throws Exception {
        site = start(new ClientLimits(Integer.MAX_VALUE, 3, Duration.ofSeconds(10), Duration.ofSeconds(2)), "ALL, 127.0.0.1T");
        List<Socket> served = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            served.add(servedFrom("127.0.0.2"));
        }
        assertRefusedFrom("127.0.0.2");
        for (Socket socket : served) {
            // the banned client's open connections are closed
            HostileSite.awaitClosed(socket, Duration.ofSeconds(5));
        }
        assertRefusedFrom("127.0.0.2");
        servedFrom("127.0.0.3");
        String log = site.errorLog();
        assertEquals(1, log.lines().filter(line -> line.contains("[NOTICE] [127.0.0.2] reached 3 connections"
                + " (hardLimit): banned for 2s, its 3 open connection(s) closed (perClientConnLimit)")).count(), log);
        Thread.sleep(3000);
        servedFrom("127.0.0.2");
        closeClients();
        site.assertHealthy();
    }

    @Test
    void keepingTheSoftLimitPastTheGracePeriodBansTheClient() throws Exception {
        site = start(new ClientLimits(2, 100, Duration.ofSeconds(1), Duration.ofSeconds(60)), "ALL, 127.0.0.1T");
        servedFrom("127.0.0.2");
        servedFrom("127.0.0.2");
        servedFrom("127.0.0.2");
        Thread.sleep(1500);
        assertRefusedFrom("127.0.0.2");
        assertTrue(site.errorLog().contains("[127.0.0.2] kept 2 connections or more for 1s (softLimit, gracePeriod):"
                + " banned for 60s"), site.errorLog());
        closeClients();
        site.assertHealthy();
    }

    @Test
    void aClientBackUnderHalfTheSoftLimitInTimeIsForgiven() throws Exception {
        site = start(new ClientLimits(4, 100, Duration.ofSeconds(2), Duration.ofSeconds(60)), "ALL, 127.0.0.1T");
        List<Socket> served = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            served.add(servedFrom("127.0.0.2"));
        }
        for (Socket socket : served.subList(0, 3)) {
            socket.close();
        }
        Thread.sleep(3000);
        servedFrom("127.0.0.2");
        servedFrom("127.0.0.2");
        assertTrue(!site.errorLog().contains("banned"), site.errorLog());
    }

    @Test
    void aTrustedClientIsNeverLimited() throws Exception {
        site = start(new ClientLimits(1, 2, Duration.ofSeconds(1), Duration.ofSeconds(60)), "ALL, 127.0.0.1T, 127.0.0.3T");
        for (int i = 0; i < 10; i++) {
            servedFrom("127.0.0.3");
        }
        servedFrom("127.0.0.2");
        servedFrom("127.0.0.2");
        assertRefusedFrom("127.0.0.2");
    }

    private HostileSite start(ClientLimits limits, String allow) throws Exception {
        AccessControl acl = new AccessControl(AclLists.parse(allow).get().orElseThrow(), List.of());
        UnaryOperator<ServerConfig> limited = c -> new ServerConfig(c.serverRoot(), c.configFile(), c.serverName(),
                c.mime(), c.errorLog(), c.accessLog(), c.tuning(), acl, c.gracefulRestartTimeoutSeconds(),
                c.extProcessors(), c.listeners(), c.virtualHosts(), c.runAs(), c.compression(), limits);
        return HostileSite.start(root, TUNING, UnaryOperator.identity(), ServerParts.PLAIN, limited);
    }

    private Socket connectFrom(String ip) throws IOException {
        Socket socket = new Socket();
        clients.add(socket);
        socket.bind(new InetSocketAddress(ip, 0));
        socket.connect(site.address(), 5000);
        socket.setSoTimeout(5000);
        return socket;
    }

    /** A connection from {@code ip} that has been served a page and stays open. */
    private Socket servedFrom(String ip) throws IOException {
        Socket socket = connectFrom(ip);
        socket.getOutputStream().write("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        byte[] reply = new byte[4096];
        int n = socket.getInputStream().read(reply);
        String text = n < 0 ? "" : new String(reply, 0, n, StandardCharsets.ISO_8859_1);
        assertTrue(text.startsWith("HTTP/1.1 200 ") && text.endsWith("home"), "served from " + ip + ": " + text);
        return socket;
    }

    /** A connection from {@code ip} is reset or closed before any answer (the reset may even beat the connect). */
    private void assertRefusedFrom(String ip) throws IOException {
        Socket socket;
        try {
            socket = connectFrom(ip);
        } catch (SocketException reset) {
            return;
        }
        assertEquals(-1, readAfterRequest(socket), "refused without an answer");
    }

    /** What the server sends after a request on {@code socket}: -1 when it closed the connection (or reset it). */
    private static int readAfterRequest(Socket socket) throws IOException {
        try {
            socket.getOutputStream().write("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            return in.read();
        } catch (IOException reset) {
            return -1;
        }
    }
}
