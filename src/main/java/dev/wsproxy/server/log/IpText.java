package dev.wsproxy.server.log;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/** IP addresses as people and logs write them: IPv6 in its short form ({@code ::1}), bracketed before a port. */
public final class IpText {

    private IpText() {
    }

    public static String of(InetAddress address) {
        String full = address.getHostAddress();
        if (!(address instanceof Inet6Address)) {
            return full;
        }
        int percent = full.indexOf('%');
        String bare = percent < 0 ? full : full.substring(0, percent);
        return compress(bare.split(":"));
    }

    /** {@code 127.0.0.1:80} or {@code [::1]:80}. */
    public static String hostPort(InetSocketAddress address) {
        String host = of(address.getAddress());
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort();
    }

    /** {@code [::1]:80} for the IP literal {@code 0:0:0:0:0:0:0:1} (as listener addresses hold it) and port 80. */
    public static String hostPort(String ipLiteral, int port) {
        InetSocketAddress address = new InetSocketAddress(ipLiteral, port);
        return address.isUnresolved() ? ipLiteral + ":" + port : hostPort(address);
    }

    /** RFC 5952: hex groups without leading zeros, the longest run of two or more zero groups as "::". */
    private static String compress(String[] groups) {
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < groups.length; i++) {
            int run = 0;
            while (i + run < groups.length && Integer.parseInt(groups[i + run], 16) == 0) {
                run++;
            }
            if (run > bestLength) {
                bestStart = i;
                bestLength = run;
            }
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < groups.length; i++) {
            if (i == bestStart) {
                out.append("::");
                i += bestLength - 1;
                continue;
            }
            if (out.length() > 0 && out.charAt(out.length() - 1) != ':') {
                out.append(':');
            }
            out.append(Integer.toHexString(Integer.parseInt(groups[i], 16)));
        }
        return out.toString();
    }
}
