package dev.wsproxy.server.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.xnio.IoUtils;
import org.xnio.OptionMap;
import org.xnio.Options;
import org.xnio.StreamConnection;
import org.xnio.Xnio;
import org.xnio.XnioWorker;
import org.xnio.channels.AcceptingChannel;
import org.xnio.nio.ForeignSocketChannels;

/** An XNIO worker whose selectors were given the compact set still hands every readiness event to its connections. */
class SelectedKeySetsTest {

    @Test
    @Timeout(30)
    void everyIoThreadSelectsIntoTheCompactSetAndStillServesConnections() throws Exception {
        XnioWorker worker = Xnio.getInstance().createWorker(OptionMap.create(Options.WORKER_IO_THREADS, 2));
        AcceptingChannel<StreamConnection> server = null;
        try {
            assertTrue(SelectedKeySets.install(worker), "the JVM must open java.base/sun.nio.ch, as the jar does");
            for (int i = 0; i < worker.getIoThreadCount(); i++) {
                assertInstanceOf(SelectedKeySet.class,
                        ForeignSocketChannels.selectorOf(worker.getIoThread(i)).orElseThrow().selectedKeys());
            }
            server = worker.createStreamConnectionServer(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                    accepting -> echoEach(accepting), OptionMap.EMPTY);
            server.resumeAccepts();
            InetSocketAddress address = (InetSocketAddress) server.getLocalAddress();
            for (int client = 0; client < 4; client++) {
                try (Socket socket = new Socket(address.getAddress(), address.getPort())) {
                    socket.setSoTimeout(5000);
                    OutputStream out = socket.getOutputStream();
                    DataInputStream in = new DataInputStream(socket.getInputStream());
                    for (int round = 0; round < 50; round++) {
                        byte[] sent = ("message " + client + "/" + round).getBytes(StandardCharsets.US_ASCII);
                        out.write(sent);
                        byte[] echoed = new byte[sent.length];
                        in.readFully(echoed);
                        assertEquals(new String(sent, StandardCharsets.US_ASCII),
                                new String(echoed, StandardCharsets.US_ASCII));
                    }
                }
            }
        } finally {
            IoUtils.safeClose(server);
            worker.shutdownNow();
            worker.awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    private static void echoEach(AcceptingChannel<StreamConnection> accepting) {
        try {
            StreamConnection connection = accepting.accept();
            if (connection == null) {
                return;
            }
            ByteBuffer buffer = ByteBuffer.allocate(256);
            connection.getSourceChannel().getReadSetter().set(channel -> {
                try {
                    buffer.clear();
                    int n = connection.getSourceChannel().read(buffer);
                    if (n < 0) {
                        IoUtils.safeClose(connection);
                        return;
                    }
                    buffer.flip();
                    while (buffer.hasRemaining()) {
                        connection.getSinkChannel().write(buffer);
                    }
                } catch (IOException e) {
                    IoUtils.safeClose(connection);
                }
            });
            connection.getSourceChannel().resumeReads();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
