package dev.wsproxy.server.proxy;

import dev.wsproxy.server.platform.Epoll;
import dev.wsproxy.server.platform.SocketCalls;
import java.io.FileDescriptor;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;

/**
 * One socket of a {@link SplicedTunnel}, as its {@link TunnelLoop} drives it: {@code recv} and {@code send} on the
 * channel's descriptor, and the loop's edge-triggered epoll events, which report only changes: {@link #readable}
 * and {@link #writable} stay true until a read or a write finds otherwise, and nothing needs asking for.
 */
final class Leg extends Endpoint {

    private final SocketChannel channel;
    private final FileDescriptor fd;
    private final int number;
    private final TunnelLoop loop;
    private final AbstractTunnel tunnel;
    private SelectionKey closeGuard;

    Leg(SocketChannel channel, TunnelLoop loop, AbstractTunnel tunnel) {
        this.channel = channel;
        this.fd = SocketCalls.descriptorOf(channel);
        this.number = Epoll.numberOf(channel);
        this.loop = loop;
        this.tunnel = tunnel;
    }

    int fd() {
        return number;
    }

    /**
     * Registers the channel with the loop's {@code guard} selector, which nothing selects: a channel closed
     * elsewhere (a server shutting down closes every connection) then keeps its descriptor until the loop, done
     * with it, lets go by {@link #unguard}. Without that its number could go to a new connection under a read.
     */
    void guard(Selector guard) throws ClosedChannelException {
        closeGuard = channel.register(guard, 0);
    }

    void unguard() {
        if (closeGuard != null) {
            closeGuard.cancel();
        }
    }

    @Override
    int read(ByteBuffer direct) throws IOException {
        return SocketCalls.read(fd, direct);
    }

    /** Bytes that came with a handshake are in a heap buffer, the channel's job. */
    @Override
    void write(ByteBuffer buffer) throws IOException {
        if (buffer.isDirect()) {
            SocketCalls.write(fd, buffer);
        } else {
            channel.write(buffer);
        }
    }

    @Override
    boolean flush() {
        return true;
    }

    @Override
    void shutdownOutput() throws IOException {
        channel.shutdownOutput();
    }

    @Override
    void awaitReadable() {
        // the next edge reports new bytes
    }

    @Override
    void readAgainSoon() {
        loop.again(reader);
    }

    @Override
    void pauseReads() {
        // the reader checks its held bytes before it reads
    }

    @Override
    void awaitWritable() {
        // the next edge reports room
    }

    @Override
    void writesDone() {
        // nothing was asked for
    }

    /** Takes one epoll event: hang-up and error count as both, so that the next read or write meets them. */
    void ready(int events) {
        if ((events & (Epoll.OUT | Epoll.ERR | Epoll.HUP)) != 0) {
            writable = true;
            writer.run();
        }
        if ((events & (Epoll.RDHUP | Epoll.ERR | Epoll.HUP)) != 0) {
            // the peer's end of input came with these bytes: only the read that meets it empties the socket
            shortReadEmpties = false;
        }
        if ((events & (Epoll.IN | Epoll.RDHUP | Epoll.ERR | Epoll.HUP)) != 0) {
            readable = true;
            reader.run();
        }
    }

    void tunnelEnds(String why) {
        tunnel.end(why);
    }
}
