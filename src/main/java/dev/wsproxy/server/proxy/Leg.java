package dev.wsproxy.server.proxy;

import dev.wsproxy.server.nio.Epoll;
import dev.wsproxy.server.nio.SocketCalls;
import java.io.FileDescriptor;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;

/**
 * One socket of a {@link SplicedTunnel}, as its {@link TunnelLoop} sees it: the channel's descriptor, and whether
 * it may have bytes to read and room to write. Edge-triggered epoll reports only changes, so these stay true until
 * a read or a write finds otherwise.
 */
final class Leg {

    private final SocketChannel channel;
    private final FileDescriptor fd;
    private final int number;
    private final AbstractTunnel tunnel;
    private SelectionKey closeGuard;
    private Flow out;
    private Flow in;
    boolean readable = true;
    boolean writable = true;
    /** Whether the peer has shut down its writing side: then only end of input makes the leg unreadable. */
    boolean inputEnding;

    Leg(SocketChannel channel, AbstractTunnel tunnel) {
        this.channel = channel;
        this.fd = SocketCalls.descriptorOf(channel);
        this.number = Epoll.numberOf(channel);
        this.tunnel = tunnel;
    }

    /** @param out the flow that reads this leg; {@code in}, the flow that writes it */
    void connect(Flow out, Flow in) {
        this.out = out;
        this.in = in;
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

    /** @return bytes read, 0 when none are there now, -1 at end of input */
    int read(ByteBuffer direct) throws IOException {
        return SocketCalls.read(fd, direct);
    }

    /** Writes what the socket takes now; bytes that came with a handshake are in a heap buffer, the channel's job. */
    void write(ByteBuffer buffer) throws IOException {
        if (buffer.isDirect()) {
            SocketCalls.write(fd, buffer);
        } else {
            channel.write(buffer);
        }
    }

    void shutdownOutput() throws IOException {
        channel.shutdownOutput();
    }

    /** Takes one epoll event: hang-up and error count as both, so that the next read or write meets them. */
    void ready(int events) {
        if ((events & (Epoll.OUT | Epoll.ERR | Epoll.HUP)) != 0) {
            writable = true;
            in.run();
        }
        if ((events & (Epoll.RDHUP | Epoll.ERR | Epoll.HUP)) != 0) {
            inputEnding = true;
        }
        if ((events & (Epoll.IN | Epoll.RDHUP | Epoll.ERR | Epoll.HUP)) != 0) {
            readable = true;
            out.run();
        }
    }

    void tunnelEnds(String why) {
        tunnel.end(why);
    }
}
