package dev.wsproxy.server.access;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wsproxy.config.model.AccessControl;
import dev.wsproxy.config.model.AclEntry;
import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every accessControl entry form, and which entry wins. */
class ClientAccessTest {

    static AclEntry net(String text, String address, int prefix) throws Exception {
        return new AclEntry.Network(text, InetAddress.getByName(address), prefix, false);
    }

    static final AclEntry ALL = new AclEntry.Any("ALL");

    private static boolean allows(List<AclEntry> allow, List<AclEntry> deny, String client) throws Exception {
        return ClientAccess.allows(new AccessControl(allow, deny), InetAddress.getByName(client));
    }

    @Test
    void emptyBlockAllowsEverybody() throws Exception {
        assertTrue(allows(List.of(), List.of(), "203.0.113.9"));
    }

    @Test
    void singleAddressWildcardPartialCidrAndMaskForms() throws Exception {
        List<AclEntry> deny = List.of(ALL);
        assertTrue(allows(List.of(net("192.168.1.7", "192.168.1.7", 32)), deny, "192.168.1.7"));
        assertFalse(allows(List.of(net("192.168.1.7", "192.168.1.7", 32)), deny, "192.168.1.8"));
        assertTrue(allows(List.of(net("192.168.*", "192.168.0.0", 16)), deny, "192.168.200.1"), "1.2.* form");
        assertTrue(allows(List.of(net("10.1.", "10.1.0.0", 16)), deny, "10.1.2.3"), "partial address form");
        assertTrue(allows(List.of(net("10.0.0.0/8", "10.0.0.0", 8)), deny, "10.250.0.1"), "CIDR");
        assertFalse(allows(List.of(net("10.0.0.0/8", "10.0.0.0", 8)), deny, "11.0.0.1"));
        assertTrue(allows(List.of(net("172.16.0.0/255.240.0.0", "172.16.0.0", 12)), deny, "172.31.255.1"), "mask");
        assertFalse(allows(List.of(net("172.16.0.0/255.240.0.0", "172.16.0.0", 12)), deny, "172.32.0.1"));
    }

    @Test
    void ipv6EntriesAndMappedClients() throws Exception {
        List<AclEntry> deny = List.of(ALL);
        assertTrue(allows(List.of(net("::1", "::1", 128)), deny, "::1"));
        assertTrue(allows(List.of(net("fd00::/8", "fd00::", 8)), deny, "fd12:3456::1"));
        assertFalse(allows(List.of(net("fd00::/8", "fd00::", 8)), deny, "fe80::1"));
        assertTrue(allows(List.of(net("127.0.0.1", "127.0.0.1", 32)), deny, "::ffff:127.0.0.1"),
                "a v4-mapped v6 client matches v4 entries");
        assertFalse(allows(List.of(net("127.0.0.1", "127.0.0.1", 32)), deny, "::1"), "::1 is not 127.0.0.1");
    }

    @Test
    void mostSpecificEntryWins() throws Exception {
        assertFalse(allows(List.of(ALL), List.of(net("10.0.0.0/8", "10.0.0.0", 8)), "10.1.1.1"));
        assertTrue(allows(List.of(ALL), List.of(net("10.0.0.0/8", "10.0.0.0", 8)), "11.1.1.1"));
        assertTrue(allows(List.of(net("10.1.0.0/16", "10.1.0.0", 16)), List.of(net("10.0.0.0/8", "10.0.0.0", 8)), "10.1.1.1"));
        assertFalse(allows(List.of(net("10.0.0.0/8", "10.0.0.0", 8)), List.of(net("10.1.0.0/16", "10.1.0.0", 16)), "10.1.1.1"));
        assertFalse(allows(List.of(net("10.0.0.0/8", "10.0.0.0", 8)), List.of(net("10.0.0.0/8", "10.0.0.0", 8)), "10.1.1.1"),
                "equal specificity: deny wins");
    }

    @Test
    void unmatchedClientsAreLetInOnlyWithoutAnAllowList() throws Exception {
        assertTrue(allows(List.of(), List.of(net("10.0.0.0/8", "10.0.0.0", 8)), "192.0.2.1"));
        assertFalse(allows(List.of(net("10.0.0.0/8", "10.0.0.0", 8)), List.of(), "192.0.2.1"));
    }
}
