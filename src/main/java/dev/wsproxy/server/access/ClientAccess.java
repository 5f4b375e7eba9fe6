package dev.wsproxy.server.access;

import dev.wsproxy.config.model.AccessControl;
import dev.wsproxy.config.model.AclEntry;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;

/**
 * Decides whether an accessControl block lets a client in. The most specific matching entry wins
 * (a longer prefix beats a shorter one, any network beats {@code ALL}); at equal specificity deny wins,
 * as the safer choice. A client no entry matches is let in only when the allow list is empty, so
 * {@code allow 10.0.0.0/8} alone admits that network only. IPv4-mapped IPv6 clients match IPv4 entries.
 */
public final class ClientAccess {

    private static final int NO_MATCH = -2;

    private ClientAccess() {
    }

    public static boolean allows(AccessControl acl, InetAddress client) {
        if (acl.isEmpty()) {
            return true;
        }
        InetAddress address = unmapped(client);
        int allow = bestMatch(acl.allow(), address);
        int deny = bestMatch(acl.deny(), address);
        if (allow == NO_MATCH && deny == NO_MATCH) {
            return acl.allow().isEmpty();
        }
        return allow > deny;
    }

    /**
     * Whether {@code acl} lets {@code client} in by an allow entry marked trusted ({@code 10.0.0.1T}), its most
     * specific match: OLS exempts such a client from {@code perClientConnLimit}.
     */
    public static boolean trusts(AccessControl acl, InetAddress client) {
        InetAddress address = unmapped(client);
        AclEntry best = null;
        for (AclEntry entry : acl.allow()) {
            if (matches(entry, address) && (best == null || entry.specificity() > best.specificity())) {
                best = entry;
            }
        }
        return best instanceof AclEntry.Network network && network.trusted() && allows(acl, client);
    }

    private static int bestMatch(List<AclEntry> entries, InetAddress address) {
        int best = NO_MATCH;
        for (AclEntry entry : entries) {
            if (matches(entry, address)) {
                best = Math.max(best, entry.specificity());
            }
        }
        return best;
    }

    private static boolean matches(AclEntry entry, InetAddress address) {
        if (entry instanceof AclEntry.Network network) {
            return inNetwork(unmapped(network.network()).getAddress(), network.prefixLength(), address.getAddress());
        }
        return true;
    }

    private static boolean inNetwork(byte[] network, int prefixLength, byte[] address) {
        if (network.length != address.length) {
            return false;
        }
        int fullBytes = prefixLength / 8;
        if (!Arrays.equals(network, 0, fullBytes, address, 0, fullBytes)) {
            return false;
        }
        int restBits = prefixLength % 8;
        if (restBits == 0) {
            return true;
        }
        int mask = (0xff << (8 - restBits)) & 0xff;
        return (network[fullBytes] & mask) == (address[fullBytes] & mask);
    }

    /** An IPv4-mapped IPv6 address ({@code ::ffff:a.b.c.d}) as the IPv4 address it carries. */
    static InetAddress unmapped(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return address;
        }
        byte[] bytes = address.getAddress();
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return address;
            }
        }
        if ((bytes[10] & 0xff) != 0xff || (bytes[11] & 0xff) != 0xff) {
            return address;
        }
        try {
            return Inet4Address.getByAddress(Arrays.copyOfRange(bytes, 12, 16));
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
