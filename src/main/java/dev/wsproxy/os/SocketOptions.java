package dev.wsproxy.os;

import com.sun.jna.LastErrorException;
import com.sun.jna.ptr.IntByReference;
import java.io.IOException;

/** Socket options the JDK does not set, by descriptor number. */
public final class SocketOptions {

    private static final int IPPROTO_IPV6 = 41;
    private static final int IPV6_V6ONLY = 26;

    private SocketOptions() {
    }

    /** Makes an unbound IPv6 socket take IPv6 connections only, so that it can share a port with IPv4 sockets. */
    public static void ipv6Only(int fd) throws IOException {
        try {
            Libc.C.setsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, new IntByReference(1), Integer.BYTES);
        } catch (LastErrorException e) {
            throw new IOException("setsockopt(IPV6_V6ONLY): " + e.getMessage(), e);
        }
    }
}
