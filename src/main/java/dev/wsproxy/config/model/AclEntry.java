package dev.wsproxy.config.model;

import java.net.InetAddress;

/** One entry of an accessControl allow or deny list. */
public sealed interface AclEntry {

    /** The entry as written. */
    String text();

    /** How specific the entry is: the prefix length, -1 for ALL. The most specific matching entry wins. */
    int specificity();

    /** {@code ALL} or {@code *}: every client, IPv4 and IPv6. */
    record Any(String text) implements AclEntry {
        public int specificity() {
            return -1;
        }
    }

    /** A network: a single address, {@code 1.2.*}, a partial address, CIDR or address/mask, v4 or v6. */
    record Network(String text, InetAddress network, int prefixLength, boolean trusted) implements AclEntry {
        public int specificity() {
            return prefixLength;
        }
    }
}
