package dev.wsproxy.server.proxy;

import dev.wsproxy.server.nio.Epoll;
import java.nio.channels.SocketChannel;

/**
 * One socket of a {@link SplicedTunnel}, as its {@link TunnelLoop} sees it: the channel, and whether it may have
 * bytes to read and room to write. Edge-triggered epoll reports only changes, so these stay true until a read or
 * a write finds otherwise.
 */
final class Leg {

    private final SocketChannel channel;
    private final int fd;
    private final SplicedTunnel tunnel;
    private Flow out;
    private Flow in;
    boolean readable = true;
    boolean writable = true;
    /** Whether the peer has shut down its writing side: then only end of input makes the leg unreadable. */
    boolean inputEnding;

    Leg(SocketChannel channel, SplicedTunnel tunnel) {
        this.channel = channel;
        this.fd = Epoll.descriptor(channel);
        this.tunnel = tunnel;
    }

    /** @param out the flow that reads this leg; {@code in}, the flow that writes it */
    void connect(Flow out, Flow in) {
        this.out = out;
        this.in = in;
    }

    SocketChannel channel() {
        return channel;
    }

    int fd() {
        return fd;
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
